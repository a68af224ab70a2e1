import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseLookupInput, parseSubscriptionInput } from '../../../src/domain/citizen';
import { AppError, notFound, validationError } from '../../errors';
import { perMinute } from '../../plugins/external/rate-limit';
import { addSubscription, listTicketNotifications } from '../../repositories/status-notices';
import { findTicket, lookupTicket } from '../../repositories/tickets';
import {
  LookupInputSchema,
  LookupResultSchema,
  SubscriptionInputSchema,
  SubscriptionResultSchema,
  TicketNotificationsSchema,
} from '../../schemas/citizen';
import { errorResponses } from '../../schemas/common';
import { TicketNoParamsSchema } from '../../schemas/tickets';
import { ticketTokenOf } from './tickets';

/** Lookups one address may try a minute, whatever the numbers. */
const LOOKUPS_PER_MINUTE = 10;
/** The same answer for a wrong number, a wrong phone, and a request filed without one. */
const LOOKUP_NOT_FOUND = '没有找到这条诉求，请核对受理编号和手机号码';
const LOOKUP_EXHAUSTED = '这个编号今天查询次数太多了，请明天再试，或拨打 12345 查询';
const NOT_FOUND_MESSAGE = '没有找到这条诉求，请核对编号';

/**
 * Reaching a request from another phone (lookup by number and phone), a citizen's 允许 of its status notices, and
 * whether they went out (staff).
 */
const ticketAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/tickets/lookup',
    {
      schema: {
        body: LookupInputSchema,
        response: { 200: LookupResultSchema, ...errorResponses(400, 401, 404, 429) },
      },
      config: {
        rateLimit: perMinute(LOOKUPS_PER_MINUTE, { message: '查询太频繁，请稍后再试' }),
      },
      preHandler: app.identifyCaller,
    },
    async (request, reply) => {
      const input = parseLookupInput(request.body);
      if (!input.ok) throw validationError(input.errors);
      const result = await lookupTicket(app.db, {
        input: input.value,
        citizenId: request.citizen?.id ?? null,
        now: app.now(),
      });
      reply.header('cache-control', 'no-store');
      if (result.kind === 'rate_limited') throw new AppError(429, 'rate_limited', LOOKUP_EXHAUSTED);
      if (result.kind === 'not_found') throw notFound(LOOKUP_NOT_FOUND);
      return { accessToken: result.accessToken };
    },
  );

  app.post(
    '/tickets/:ticketNo/subscription',
    {
      schema: {
        params: TicketNoParamsSchema,
        body: SubscriptionInputSchema,
        response: { 201: SubscriptionResultSchema, ...errorResponses(400, 401, 404, 429, 503) },
      },
      config: { rateLimit: perMinute(30) },
      // The notice goes to the citizen who allowed it: only a citizen session can tell WeChat who that is.
      preHandler: app.requireCitizen,
    },
    async (request, reply) => {
      const input = parseSubscriptionInput(request.body);
      if (!input.ok) throw validationError(input.errors);
      const citizenId = request.citizen!.id;
      const ticket = await findTicket(app.db, {
        ticketNo: request.params.ticketNo,
        reader: { token: ticketTokenOf(request), citizenId },
      });
      if (!ticket) throw notFound(NOT_FOUND_MESSAGE);
      const template = app.config.wechat?.statusTemplate;
      if (!template) throw new AppError(503, 'wechat_not_configured');
      if (input.value.templateId !== template) {
        throw validationError([
          { field: 'templateId', message: '这项通知已停用，请重新打开小程序' },
        ]);
      }
      const result = await addSubscription(app.db, {
        ticketNo: ticket.ticketNo,
        citizenId,
        templateId: template,
        now: app.now(),
      });
      if (result.kind === 'not_found') throw notFound(NOT_FOUND_MESSAGE);
      reply.status(201);
      reply.header('cache-control', 'no-store');
      return { ticketNo: ticket.ticketNo, waiting: result.waiting };
    },
  );

  app.get(
    '/tickets/:ticketNo/notifications',
    {
      schema: {
        params: TicketNoParamsSchema,
        response: { 200: TicketNotificationsSchema, ...errorResponses(400, 401, 404) },
      },
      preHandler: app.requireStaff,
    },
    async (request, reply) => {
      // Outside a worker's district a request is as good as absent.
      const ticket = await findTicket(app.db, {
        ticketNo: request.params.ticketNo,
        reader: { staff: request.staff! },
      });
      const notifications =
        ticket && (await listTicketNotifications(app.db, { ticketNo: ticket.ticketNo }));
      if (!notifications) throw notFound(NOT_FOUND_MESSAGE);
      reply.header('cache-control', 'no-store');
      return notifications;
    },
  );
};

export default ticketAccessRoutes;
