import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { canActInDistrict } from '../../../src/domain/staff';
import type { TicketInput } from '../../../src/domain/ticket';
import { validateTicketInput } from '../../../src/domain/ticket-rules';
import { AppError, notFound, validationError } from '../../errors';
import { runHourly } from '../../housekeeping';
import { idempotencyKeyOf, invalidIdempotencyKey } from '../../idempotency';
import {
  addStaffEvent,
  createTicket,
  decodeCursor,
  deleteExpiredIdempotencyKeys,
  findTicketRow,
  findTicketRowByToken,
  findTickets,
  isKnownIdempotencyKey,
  rateTicket,
  toTicket,
  type ChangeResult,
} from '../../repositories/tickets';
import { perMinute } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/common';
import {
  CreatedTicketSchema,
  RatingInputSchema,
  TicketEventInputSchema,
  TicketInputSchema,
  TicketListQuerySchema,
  TicketNoParamsSchema,
  TicketPageSchema,
  TicketSchema,
} from '../../schemas/tickets';

function ticketTokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers['x-ticket-token'];
  return typeof value === 'string' ? value : undefined;
}

const NOT_FOUND_MESSAGE = '没有找到这条诉求，请核对编号';

const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Keys are honoured for at least 7 days; older ones are swept now and then.
  runHourly(app, 'delete old idempotency keys', () =>
    deleteExpiredIdempotencyKeys(app.db, app.now()),
  );

  app.post(
    '/tickets',
    {
      schema: {
        body: TicketInputSchema,
        response: { 201: CreatedTicketSchema, ...errorResponses(400, 413, 415, 422, 429) },
      },
      config: {
        rateLimit: perMinute(app.config.ticketRateLimit, {
          // A phone resending a request the server already accepted gets its ticket back, never a 429.
          allowList: async (request) => {
            const key = idempotencyKeyOf(request);
            return key !== null && (await isKnownIdempotencyKey(app.db, key));
          },
        }),
      },
      preValidation: async (request) => {
        if (idempotencyKeyOf(request) === null) throw invalidIdempotencyKey();
      },
    },
    async (request, reply) => {
      const input: TicketInput = request.body;
      const problems = validateTicketInput(input);
      if (problems.length > 0) throw validationError(problems);

      const result = await createTicket(app.db, {
        input,
        idempotencyKey: idempotencyKeyOf(request)!,
        now: app.now(),
      });
      if (result.kind === 'key_reused') throw new AppError(422, 'idempotency_key_reused');
      if (result.kind === 'invalid') throw validationError(result.details);

      reply.status(201);
      reply.header('cache-control', 'no-store');
      reply.header('location', `/api/tickets/${result.ticket.ticketNo}`);
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      return { ...result.ticket, accessToken: result.accessToken };
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        querystring: TicketListQuerySchema,
        response: { 200: TicketPageSchema, ...errorResponses(400, 401) },
      },
      preHandler: app.requireStaff,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const { cursor } = request.query;
      if (cursor && !decodeCursor(cursor)) {
        throw validationError([{ field: 'cursor', message: '翻页位置不正确，请从第一页重新加载' }]);
      }
      reply.header('cache-control', 'no-store');
      // A worker sees their own district's queue; a worker with no district sees none.
      if (staff.role !== 'admin' && !staff.district)
        return { items: [], nextCursor: null, total: 0 };
      return findTickets(
        app.db,
        { ...request.query, district: staff.role === 'admin' ? undefined : staff.district! },
        app.now(),
      );
    },
  );

  app.get(
    '/tickets/:ticketNo',
    {
      schema: {
        params: TicketNoParamsSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404) },
      },
      preHandler: app.identifyStaff,
    },
    async (request, reply) => {
      const { ticketNo } = request.params;
      const staff = request.staff;
      reply.header('cache-control', 'no-store');
      if (staff) {
        // Outside a worker's district a ticket is as good as absent.
        const row = await findTicketRow(app.db, ticketNo);
        if (!row || !canActInDistrict(staff, row.district)) throw notFound(NOT_FOUND_MESSAGE);
        return toTicket(app.db, row, { fullContact: true });
      }
      const row = await findTicketRowByToken(app.db, ticketNo, ticketTokenOf(request));
      if (!row) throw notFound(NOT_FOUND_MESSAGE);
      return toTicket(app.db, row, { fullContact: false });
    },
  );

  app.post(
    '/tickets/:ticketNo/rating',
    {
      schema: {
        params: TicketNoParamsSchema,
        body: RatingInputSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const row = await findTicketRowByToken(
        app.db,
        request.params.ticketNo,
        ticketTokenOf(request),
      );
      if (!row) throw notFound(NOT_FOUND_MESSAGE);
      const outcome = await rateTicket(app.db, row.id, request.body, app.now());
      reply.header('cache-control', 'no-store');
      return toTicket(app.db, changed(outcome), { fullContact: false });
    },
  );

  app.post(
    '/tickets/:ticketNo/events',
    {
      schema: {
        params: TicketNoParamsSchema,
        body: TicketEventInputSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404, 409, 413, 415) },
      },
      preHandler: app.requireStaff,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const row = await findTicketRow(app.db, request.params.ticketNo);
      if (!row || !canActInDistrict(staff, row.district)) throw notFound(NOT_FOUND_MESSAGE);
      const note = request.body.note.trim();
      if (note === '') throw validationError([{ field: 'note', message: '请填写办理说明' }]);
      const outcome = await addStaffEvent(
        app.db,
        row.id,
        { status: request.body.status, note, actor: staff.name, actorId: staff.id },
        app.now(),
      );
      reply.header('cache-control', 'no-store');
      return toTicket(app.db, changed(outcome), { fullContact: true });
    },
  );
};

function changed(outcome: ChangeResult) {
  if (outcome.kind === 'already_rated') throw new AppError(409, 'already_rated');
  if (outcome.kind === 'invalid_transition') throw new AppError(409, 'invalid_transition');
  return outcome.row;
}

export default ticketRoutes;
