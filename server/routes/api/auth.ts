import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  LOGIN_THROTTLE,
  SESSION_TTL_MS,
  normalizeUsername,
  parseLoginInput,
} from '../../../src/domain/credentials';
import { getDummyHash, verifyPassword } from '../../auth/crypto';
import { AppError, validationError } from '../../errors';
import { sessionToken } from '../../plugins/app/auth';
import { perMinute } from '../../plugins/external/rate-limit';
import {
  clearLoginFailures,
  findLoginFailures,
  forgetLoginFailure,
  recordLoginFailure,
} from '../../repositories/login-failures';
import { createSession, findStaffCredentials, revokeSession } from '../../repositories/staff';
import { LoginInputSchema, LoginResultSchema, StaffSchema } from '../../schemas/auth';
import { errorResponses } from '../../schemas/common';

/** Sign-in requests one address may make a minute, whatever the usernames: caps spraying guesses. */
const LOGIN_REQUESTS_PER_MINUTE = 30;

/** Each failure in the window adds this much wait before the answer, so guessing gets slower as it goes. */
const FAILURE_DELAY_MS = 150;

/** Until when sign-in stays closed: when enough of the failures (ISO times, oldest first) leave the window. */
function blockedUntil(failures: string[], max: number): number {
  if (failures.length < max) return 0;
  return Date.parse(failures[failures.length - max]) + LOGIN_THROTTLE.windowMs;
}

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        body: LoginInputSchema,
        response: { 200: LoginResultSchema, ...errorResponses(400, 401, 429) },
      },
      config: {
        rateLimit: perMinute(LOGIN_REQUESTS_PER_MINUTE, {
          message: '登录尝试过于频繁，请稍后再试',
        }),
      },
    },
    async (request, reply) => {
      const input = parseLoginInput(request.body);
      if (!input.ok) throw validationError(input.errors);
      const now = app.now();
      const username = normalizeUsername(input.value.username);
      const attempt = { username, ip: request.ip };
      const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);

      // Counted before the check, so requests sent in parallel see each other and cannot slip
      // past the limit together; a success clears it below.
      const attemptId = await recordLoginFailure(app.db, {
        attempt,
        now,
        forgetBefore: windowStart,
      });
      const earlier = (await findLoginFailures(app.db, { username, since: windowStart })).filter(
        (f) => f.id !== attemptId,
      );
      const failures = earlier.filter((f) => f.ip === attempt.ip).map((f) => f.at);
      const retryAt = [
        blockedUntil(failures, LOGIN_THROTTLE.maxFailures),
        blockedUntil(
          earlier.map((f) => f.at),
          LOGIN_THROTTLE.maxFailuresPerUsername,
        ),
      ].reduce((a, b) => Math.max(a, b));
      if (retryAt > now.getTime()) {
        // A refused attempt does not push the end of the wait further away.
        await forgetLoginFailure(app.db, { id: attemptId });
        reply.header(
          'retry-after',
          String(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000))),
        );
        throw new AppError(429, 'rate_limited', '登录失败次数过多，请 15 分钟后再试');
      }

      const account = await findStaffCredentials(app.db, { username });
      // Always run one scrypt check, against a dummy hash when the user is unknown: same time either way.
      const passwordOk = await verifyPassword(
        input.value.password,
        account?.passwordHash ?? (await getDummyHash()),
      );
      if (!account || !passwordOk || account.disabled) {
        // Never what was typed: a password typed into the username box would land in the log. The account, when
        // there is one, is named by its id.
        request.log.info({ staffId: account?.staff.id ?? null }, 'sign-in refused');
        await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS * failures.length));
        throw new AppError(401, 'invalid_credentials');
      }

      await clearLoginFailures(app.db, { attempt });
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      const token = await createSession(app.db, { staffId: account.staff.id, expiresAt, now });
      reply.header('cache-control', 'no-store');
      return { token, worker: account.staff, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: app.requireStaff,
      schema: { response: { 204: Type.Null(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      await revokeSession(app.db, { token: sessionToken(request), now: app.now() });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      preHandler: app.requireStaff,
      schema: { response: { 200: StaffSchema, ...errorResponses(401) } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return request.staff!;
    },
  );
};

export default authRoutes;
