import Fastify, { type FastifyRequest } from 'fastify';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { bearerToken } from '../../server/plugins/app/auth';
import errors from '../../server/plugins/app/errors';
import rateLimit, { perMinute } from '../../server/plugins/external/rate-limit';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';

const formBody = {
  headers: { 'content-type': 'multipart/form-data; boundary=x' },
  payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
};

describe('bearerToken', () => {
  const withAuthorization = (authorization?: string) =>
    bearerToken({ headers: { authorization } } as FastifyRequest);

  it('tells a missing header from a malformed one and from a token', () => {
    expect(withAuthorization(undefined)).toEqual({ kind: 'absent' });
    expect(withAuthorization('Basic dXNlcjpwYXNz')).toEqual({ kind: 'malformed' });
    expect(withAuthorization('Bearer short')).toEqual({ kind: 'malformed' });
    expect(withAuthorization('bearer abcdefghijklmnop_-12 ')).toEqual({
      kind: 'present',
      token: 'abcdefghijklmnop_-12',
    });
  });
});

describe('perMinute', () => {
  async function appWith(config: ReturnType<typeof perMinute>) {
    const app = Fastify();
    await app.register(errors);
    await app.register(rateLimit);
    app.get('/limited', { config: { rateLimit: config } }, async () => ({ ok: true }));
    await app.ready();
    return app;
  }

  it('lets `max` requests a minute through, then answers the 429 envelope', async () => {
    const app = await appWith(perMinute(2));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject('/limited')).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await app.inject('/limited');
    expect(refused.json()).toEqual({ code: 'rate_limited', message: ERROR_MESSAGES.rate_limited });
    expect(refused.headers['retry-after']).toBeDefined();
    await app.close();
  });

  it("says the route's own message, and never counts what the allow list lets through", async () => {
    const app = await appWith(
      perMinute(1, {
        message: '慢一点',
        allowList: async (request) => request.headers['x-resent'] === 'yes',
      }),
    );
    expect((await app.inject('/limited')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      const resent = await app.inject({ url: '/limited', headers: { 'x-resent': 'yes' } });
      expect(resent.statusCode).toBe(200);
    }
    const refused = await app.inject('/limited');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ code: 'rate_limited', message: '慢一点' });
    await app.close();
  });
});

describe.each(DATABASES)('plugins of the app on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it.each(['/api/tickets', '/api/auth/login', '/api/tickets/PDS-1/rating'])(
    'answers a multipart form sent to %s with 415, as a route that takes no photo',
    async (url) => {
      const res = await ctx.app.inject({ method: 'POST', url, ...formBody });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({
        code: 'unsupported_media_type',
        message: ERROR_MESSAGES.unsupported_media_type,
      });
    },
  );

  it('answers a multipart form sent to an unknown path with 404', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/nowhere', ...formBody });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route_not_found');
  });

  it.each([
    ['no token', {}, 404],
    ['a malformed token', { authorization: 'Bearer short' }, 401],
    ['a token of no live session', { authorization: `Bearer ${'a'.repeat(43)}` }, 401],
  ])('answers a ticket read with %s with %i', async (_label, headers, status) => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/tickets/PDS-0', headers });
    expect(res.statusCode).toBe(status);
  });
});
