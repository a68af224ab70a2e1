import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CITIZEN_SESSION_TTL_MS, parseCitizenSessionInput } from '../../../src/domain/citizen';
import { AppError, validationError } from '../../errors';
import { runHourly } from '../../housekeeping';
import { perMinute } from '../../plugins/external/rate-limit';
import {
  decodeCitizenCursor,
  deleteExpiredCitizenSessions,
  listCitizenTickets,
  openCitizenSession,
} from '../../repositories/citizens';
import { deleteOldLookups } from '../../repositories/tickets';
import {
  CitizenSessionInputSchema,
  CitizenSessionSchema,
  CitizenTicketPageSchema,
  CitizenTicketsQuerySchema,
} from '../../schemas/citizen';
import { errorResponses } from '../../schemas/common';
import type { SignInResult } from '../../wechat/client';

/** Sign-ins one address may make a minute: a phone signs in once a month. */
const SIGN_INS_PER_MINUTE = 30;

/** WeChat's refusals as the envelope: the app signs in again, waits, or stays anonymous. */
function signInRefusal(result: Exclude<SignInResult, { kind: 'signed_in' }>): AppError {
  switch (result.kind) {
    case 'invalid_code':
      return new AppError(401, 'wechat_code_invalid');
    case 'blocked':
      return new AppError(
        401,
        'wechat_code_invalid',
        '当前微信账号暂时无法登录，不登录也可以反映问题',
      );
    case 'rate_limited':
      return new AppError(429, 'rate_limited', '微信登录太频繁，请稍后再试');
    case 'unavailable':
      return new AppError(503, 'wechat_unavailable');
  }
}

/** Citizens signed in with WeChat (weapp): the session, and their requests on any phone. */
const citizenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  runHourly(app, 'delete expired citizen sessions and old lookups', async () => {
    await deleteExpiredCitizenSessions(app.db, { now: app.now() });
    await deleteOldLookups(app.db, { now: app.now() });
  });

  app.post(
    '/citizen/session',
    {
      schema: {
        body: CitizenSessionInputSchema,
        response: { 200: CitizenSessionSchema, ...errorResponses(400, 401, 429, 503) },
      },
      config: { rateLimit: perMinute(SIGN_INS_PER_MINUTE) },
    },
    async (request, reply) => {
      const input = parseCitizenSessionInput(request.body);
      if (!input.ok) throw validationError(input.errors);
      if (!app.wechat || !app.config.wechat) throw new AppError(503, 'wechat_not_configured');
      const result = await app.wechat.signIn(input.value.code);
      if (result.kind !== 'signed_in') {
        if (result.kind === 'unavailable') {
          request.log.warn({ reason: result.reason }, 'WeChat sign-in unavailable');
        }
        throw signInRefusal(result);
      }
      const now = app.now();
      const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_TTL_MS);
      const { token } = await openCitizenSession(app.db, {
        openid: result.openid,
        expiresAt,
        now,
      });
      reply.header('cache-control', 'no-store');
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        statusTemplateId: app.config.wechat.statusTemplate,
      };
    },
  );

  app.get(
    '/citizen/tickets',
    {
      schema: {
        querystring: CitizenTicketsQuerySchema,
        response: { 200: CitizenTicketPageSchema, ...errorResponses(400, 401) },
      },
      preHandler: app.requireCitizen,
    },
    async (request, reply) => {
      const { cursor, limit } = request.query;
      if (cursor && !decodeCitizenCursor(cursor)) {
        throw validationError([{ field: 'cursor', message: '翻页位置不正确，请从第一页重新加载' }]);
      }
      reply.header('cache-control', 'no-store');
      return listCitizenTickets(app.db, { citizenId: request.citizen!.id, limit, cursor });
    },
  );
};

export default citizenRoutes;
