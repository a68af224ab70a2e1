import { createHash } from 'node:crypto';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import { addStaff, bearer, login } from './auth-fixtures';
import { fileRequest, signInCitizen, wechatConfig } from './citizen-fixtures';
import { ticketToken } from './tickets-fixtures';

jest.setTimeout(30_000);

const signIn = (ctx: TestContext, code: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { code } });

describe.each(DATABASES)('citizens signed in with WeChat, on %s', (dialect) => {
  let standIn: WechatStandIn;
  let ctx: TestContext;
  beforeAll(async () => {
    standIn = await startWechatStandIn();
    ctx = await createTestApp(dialect, { config: { wechat: wechatConfig(standIn) } });
  });
  afterAll(async () => {
    await ctx.destroy();
    await standIn.close();
  });

  it('exchanges a code for an opaque session; the openid and the session key stay on the server', async () => {
    const res = await signIn(ctx, 'alice-1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      statusTemplateId: 'status-template',
    });
    expect(res.body).not.toContain('openid');
    expect(res.headers['cache-control']).toBe('no-store');
    const stored = JSON.stringify([
      await ctx.app.db.selectFrom('citizens').selectAll().execute(),
      await ctx.app.db.selectFrom('citizen_sessions').selectAll().execute(),
    ]);
    expect(stored).not.toContain('session-key-of');
    expect(stored).not.toContain(body.token);
    expect(stored).toContain(createHash('sha256').update(body.token).digest('hex'));
  });

  it.each([
    ['an invalid code', 'bad-1', 401, 'wechat_code_invalid'],
    ['a code used before', 'used-1', 401, 'wechat_code_invalid'],
    ['a blocked user', 'blocked-1', 401, 'wechat_code_invalid'],
    ["WeChat's rate limit", 'limit-1', 429, 'rate_limited'],
    ['WeChat busy', 'busy-1', 503, 'wechat_unavailable'],
  ])('answers %s with a Chinese envelope', async (_what, code, status, errorCode) => {
    const res = await signIn(ctx, code);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({
      code: errorCode,
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  });

  it('answers 400 for an empty code, without asking WeChat', async () => {
    const before = standIn.state.signIns;
    expect((await signIn(ctx, '  ')).statusCode).toBe(400);
    expect(standIn.state.signIns).toBe(before);
  });

  it('lists the requests filed signed in, newest first, a page at a time', async () => {
    const token = await signInCitizen(ctx.app, 'bob-1');
    const filed = [];
    for (let i = 0; i < 3; i++) filed.push(await fileRequest(ctx.app, { citizenToken: token }));
    await fileRequest(ctx.app); // anonymous: not theirs
    const first = await ctx.app.inject({
      url: '/api/citizen/tickets?limit=2',
      headers: bearer(token),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]).toEqual({
      ticketNo: filed[2].ticketNo,
      status: 'received',
      category: 'municipal',
      content: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      dueAt: expect.any(String),
      resolvedAt: null,
    });
    const next = await ctx.app.inject({
      url: `/api/citizen/tickets?limit=2&cursor=${page1.nextCursor}`,
      headers: bearer(token),
    });
    const numbers = [...page1.items, ...next.json().items].map(
      (t: { ticketNo: string }) => t.ticketNo,
    );
    expect(new Set(numbers)).toEqual(new Set(filed.map((f) => f.ticketNo)));
    expect(next.json().nextCursor).toBeNull();
  });

  it('reads and rates its own request with the session alone, never another citizen’s', async () => {
    const mine = await signInCitizen(ctx.app, 'carol-1');
    const theirs = await signInCitizen(ctx.app, 'dave-1');
    const { ticketNo, accessToken } = await fileRequest(ctx.app, { citizenToken: mine });
    const read = (token: string) =>
      ctx.app.inject({ url: `/api/tickets/${ticketNo}`, headers: bearer(token) });
    expect((await read(mine)).statusCode).toBe(200);
    expect((await read(theirs)).statusCode).toBe(404);
    const list = await ctx.app.inject({ url: '/api/citizen/tickets', headers: bearer(theirs) });
    expect(list.json().items).toEqual([]);
    // The phone's token still works alongside, whoever is signed in.
    const withToken = await ctx.app.inject({
      url: `/api/tickets/${ticketNo}`,
      headers: { ...bearer(theirs), ...ticketToken(accessToken) },
    });
    expect(withToken.statusCode).toBe(200);

    const admin = await addStaff(ctx.app, {
      username: 'notice-admin',
      role: 'admin',
      district: null,
    });
    const { token: staffToken } = await login(ctx.app, admin.username);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/events`,
      headers: bearer(staffToken),
      payload: { status: 'resolved', note: '路灯已修好' },
    });
    const rate = (token: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketNo}/rating`,
        headers: bearer(token),
        payload: { score: 3 },
      });
    expect((await rate(theirs)).statusCode).toBe(404);
    expect((await rate(mine)).statusCode).toBe(200);
  });

  it('never lets a citizen session through a staff route', async () => {
    const token = await signInCitizen(ctx.app, 'erin-1');
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: token });
    const calls = [
      { method: 'GET' as const, url: '/api/tickets' },
      { method: 'GET' as const, url: '/api/auth/me' },
      { method: 'GET' as const, url: `/api/tickets/${ticketNo}/notifications` },
      {
        method: 'POST' as const,
        url: `/api/tickets/${ticketNo}/events`,
        payload: { status: 'dispatched', note: '派单' },
      },
    ];
    for (const call of calls) {
      const res = await ctx.app.inject({ ...call, headers: bearer(token) });
      expect({ url: call.url, status: res.statusCode }).toEqual({ url: call.url, status: 401 });
    }
  });

  it('answers 401 for an expired or unknown session, and still files a request with one', async () => {
    const res = await ctx.app.inject({
      url: '/api/citizen/tickets',
      headers: bearer('x'.repeat(43)),
    });
    expect(res.statusCode).toBe(401);
    // Signing in is never needed to file: a dead session files an unlinked request.
    const filed = await fileRequest(ctx.app, { citizenToken: 'y'.repeat(43) });
    expect(filed.ticketNo).toMatch(/^PDS/);
  });
});

describe('without the WeChat settings', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('sqlite');
  });
  afterAll(() => ctx.destroy());

  it('answers that sign-in is not available, and requests are filed as before', async () => {
    const res = await signIn(ctx, 'alice-1');
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('wechat_not_configured');
    expect((await fileRequest(ctx.app)).ticketNo).toMatch(/^PDS/);
  });
});

describe('WeChat unreachable', () => {
  it('answers 503', async () => {
    const standIn = await startWechatStandIn();
    const ctx = await createTestApp('sqlite', { config: { wechat: wechatConfig(standIn) } });
    await standIn.down();
    try {
      const res = await signIn(ctx, 'alice-1');
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('wechat_unavailable');
    } finally {
      await ctx.destroy();
    }
  });
});
