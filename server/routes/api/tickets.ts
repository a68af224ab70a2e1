import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  parseRatingInput,
  parseTicketEventInput,
  parseTicketInput,
} from '../../../src/domain/ticket-rules';
import { AppError, notFound, validationError } from '../../errors';
import { runHourly } from '../../housekeeping';
import { countOverdueEveryMinute } from '../../overdue-sweep';
import { idempotencyKeyOf, idempotencyOf, invalidIdempotencyKey } from '../../idempotency';
import {
  addTicketEvent,
  createTicket,
  decodeCursor,
  deleteExpiredIdempotencyKeys,
  findTicket,
  findTickets,
  isKnownIdempotencyKey,
  rateTicket,
  type MoveTicketResult,
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

/** The X-Ticket-Token header: the access token of a request, held by whoever filed it or looked it up. */
export function ticketTokenOf(request: FastifyRequest): string | null {
  const value = request.headers['x-ticket-token'];
  return typeof value === 'string' ? value : null;
}

const NOT_FOUND_MESSAGE = '没有找到这条诉求，请核对编号';

const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Keys are honoured for at least 7 days; older ones are swept now and then.
  runHourly(app, 'delete old idempotency keys', () =>
    deleteExpiredIdempotencyKeys(app.db, { now: app.now() }),
  );
  countOverdueEveryMinute(app);

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
      const input = parseTicketInput(request.body);
      if (!input.ok) throw validationError(input.errors);

      const result = await createTicket(app.db, {
        input: input.value,
        idempotency: idempotencyOf(request, request.body)!,
        now: app.now(),
        // Signed in with WeChat: linked to the citizen. Any other bearer is ignored: signing in is never needed.
        citizenId: (await app.citizenOf(request))?.id ?? null,
      });
      if (result.kind === 'idempotency_key_reused') throw new AppError(422, result.kind);
      if (result.kind === 'validation_failed') throw validationError(result.errors);

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
      const district = staff.role === 'admin' ? undefined : staff.district!;
      return findTickets(app.db, { query: { ...request.query, district }, now: app.now() });
    },
  );

  app.get(
    '/tickets/:ticketNo',
    {
      schema: {
        params: TicketNoParamsSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404) },
      },
      preHandler: app.identifyCaller,
    },
    async (request, reply) => {
      const { staff } = request;
      const ticket = await findTicket(app.db, {
        ticketNo: request.params.ticketNo,
        reader: staff
          ? { staff }
          : { token: ticketTokenOf(request), citizenId: request.citizen?.id },
      });
      reply.header('cache-control', 'no-store');
      if (!ticket) throw notFound(NOT_FOUND_MESSAGE);
      return ticket;
    },
  );

  app.post(
    '/tickets/:ticketNo/rating',
    {
      schema: {
        params: TicketNoParamsSchema,
        body: RatingInputSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404, 409, 413, 415) },
      },
      preHandler: app.identifyCaller,
    },
    async (request, reply) => {
      const ticket = await findTicket(app.db, {
        ticketNo: request.params.ticketNo,
        reader: { token: ticketTokenOf(request), citizenId: request.citizen?.id },
      });
      if (!ticket) throw notFound(NOT_FOUND_MESSAGE);
      const rating = parseRatingInput(request.body);
      if (!rating.ok) throw validationError(rating.errors);
      const result = await rateTicket(app.db, {
        ticketNo: ticket.ticketNo,
        rating: rating.value,
        now: app.now(),
      });
      reply.header('cache-control', 'no-store');
      return moved(result);
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
      const ticket = await findTicket(app.db, {
        ticketNo: request.params.ticketNo,
        reader: { staff },
      });
      if (!ticket) throw notFound(NOT_FOUND_MESSAGE);
      const event = parseTicketEventInput(request.body);
      if (!event.ok) throw validationError(event.errors);
      const result = await addTicketEvent(app.db, {
        ticketNo: ticket.ticketNo,
        event: event.value,
        by: staff,
        now: app.now(),
      });
      reply.header('cache-control', 'no-store');
      return moved(result);
    },
  );
};

/** The ticket as a move left it; a refused move is a 409, and a ticket gone since it was found a 404. */
function moved(result: MoveTicketResult) {
  if (result.kind === 'not_found') throw notFound(NOT_FOUND_MESSAGE);
  if (result.kind !== 'updated') throw new AppError(409, result.kind);
  return result.ticket;
}

export default ticketRoutes;
