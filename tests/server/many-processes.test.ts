import { randomUUID } from 'node:crypto';
import { buildApp } from '../../server/build-app';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
import { createTestApp, testConfig, type TestApp, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { countTickets, ticketToken, validInput } from './tickets-fixtures';

jest.setTimeout(60_000);

/**
 * Two server processes on one PostgreSQL, as far as what they share goes: two apps, each with its own pool, its own
 * memory and (with SQLite) it would be its own files. Everything one knows the other must know.
 */
(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'two processes on one PostgreSQL',
  () => {
    let ctx: TestContext;
    let one: TestApp;
    let two: TestApp;
    beforeAll(async () => {
      ctx = await createTestApp('postgres', { config: { ticketRateLimit: 3 } });
      one = ctx.app;
      two = await buildApp({
        config: { ...testConfig(ctx.dataDir, ctx.databaseUrl), ticketRateLimit: 3 },
      });
    });
    afterAll(async () => {
      await two.close();
      await ctx.destroy();
    });

    /** Files a request from one client address (each test its own: the limit is 3 a minute). */
    const from =
      (remoteAddress: string) =>
      (app: TestApp, { key = randomUUID(), body = validInput() } = {}) =>
        app.inject({
          method: 'POST',
          url: '/api/tickets',
          remoteAddress,
          headers: { 'idempotency-key': key },
          payload: body,
        });

    it("counts a client's requests across both: the 4th in the minute is refused wherever it goes", async () => {
      const file = from('198.51.100.10');
      const statuses = [];
      for (const app of [one, two, one, two, one]) statuses.push((await file(app)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      // Another client, and another route of the same client, count apart.
      expect((await from('198.51.100.11')(two)).statusCode).toBe(201);
      const photo = await two.inject({
        method: 'POST',
        url: '/api/uploads',
        remoteAddress: '198.51.100.10',
        ...multipart(IMAGES.png),
      });
      expect(photo.statusCode).toBe(201);
    });

    it('makes one request of one Idempotency-Key replayed to both at the same moment', async () => {
      const before = await countTickets(one);
      const races = Array.from({ length: 12 }, async (_, i) => {
        const key = randomUUID();
        const body = validInput({ content: `两个进程同时收到的第 ${i} 条诉求：路灯不亮` });
        const answers = await Promise.all(
          [one, two].map((app) => from(`10.0.0.${i}`)(app, { key, body })),
        );
        expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
        const [first, second] = answers.map((a) => a.json());
        expect(second.ticketNo).toBe(first.ticketNo);
        expect(second.accessToken).toBe(first.accessToken);
        return first.ticketNo as string;
      });
      const numbers = await Promise.all(races);
      expect(new Set(numbers).size).toBe(12);
      expect((await countTickets(one)) - before).toBe(12);
    });

    it('serves a photo uploaded through one from the other', async () => {
      const res = await one.inject({
        method: 'POST',
        url: '/api/uploads',
        ...multipart(IMAGES.jpeg),
      });
      expect(res.statusCode).toBe(201);
      const served = await two.inject({ url: res.json().url });
      expect(served.statusCode).toBe(200);
      expect(served.rawPayload).toEqual(IMAGES.jpeg);
    });

    it('honours a session made on one on the other, and a sign-out on one everywhere', async () => {
      await addStaff(one, { username: 'shared' });
      const { token } = await login(one, 'shared');
      const me = (app: TestApp) => app.inject({ url: '/api/auth/me', headers: bearer(token) });
      expect((await me(two)).statusCode).toBe(200);
      const out = await two.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: bearer(token),
      });
      expect(out.statusCode).toBe(204);
      expect((await me(one)).statusCode).toBe(401);
    });

    it('reads a request filed through one with its token on the other', async () => {
      const filed = await from('10.0.1.1')(one);
      const read = await two.inject({
        url: `/api/tickets/${filed.json().ticketNo}`,
        headers: ticketToken(filed.json().accessToken),
      });
      expect(read.statusCode).toBe(200);
    });
  },
);
