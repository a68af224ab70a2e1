import Fastify from 'fastify';
import appPlugin, { fastifyOptions } from '../../server/app';
import {
  createTestApp,
  DATABASES,
  testConfig,
  type TestApp,
  type TestContext,
} from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';

jest.setTimeout(30_000);

describe.each(DATABASES)('the staff guards on routes of their own on %s', (dialect) => {
  let ctx: TestContext;
  let app: TestApp;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    await addStaff(ctx.app, { username: 'worker1', district: '叶县', name: '叶网格' });
    await addStaff(ctx.app, { username: 'admin1', role: 'admin', district: null, name: '管理员' });
    // A second app on the same database, with routes that use each guard.
    app = Fastify(fastifyOptions) as unknown as TestApp;
    await app.register(appPlugin, { config: testConfig(ctx.dataDir, ctx.databaseUrl) });
    app.get('/admin-only', { onRequest: app.requireAdmin }, async (request) => ({
      name: request.staff!.name,
    }));
    app.get('/maybe-staff', { preHandler: app.identifyStaff }, async (request) => ({
      staff: request.staff?.username ?? null,
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await ctx.destroy();
  });

  it('lets an admin through requireAdmin, answers a worker 403 and no token 401', async () => {
    const admin = await login(app, 'admin1');
    const worker = await login(app, 'worker1');
    const get = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/admin-only', headers });
    expect((await get(bearer(admin.token))).json()).toEqual({ name: '管理员' });
    const forbidden = await get(bearer(worker.token));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toEqual({ code: 'forbidden', message: '没有权限进行此操作' });
    expect((await get({})).statusCode).toBe(401);
  });

  it('identifies staff when a token is sent, lets others through, and refuses a dead token', async () => {
    const worker = await login(app, 'worker1');
    const get = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/maybe-staff', headers });
    expect((await get({})).json()).toEqual({ staff: null });
    expect((await get({ 'x-ticket-token': 'a'.repeat(43) })).json()).toEqual({ staff: null });
    expect((await get(bearer(worker.token))).json()).toEqual({ staff: 'worker1' });
    expect((await get(bearer('b'.repeat(43)))).statusCode).toBe(401);
  });
});
