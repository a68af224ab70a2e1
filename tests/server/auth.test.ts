import { LOGIN_THROTTLE, SESSION_TTL_MS } from '../../src/domain/credentials';
import { hashPassword } from '../../server/auth/crypto';
import { setStaffDisabled, setStaffPassword } from '../../server/repositories/staff';
import { manualClock } from '../support/clock';
import { createLoggedApp, createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, login, PASSWORD } from './auth-fixtures';

jest.setTimeout(30_000);

describe.each(DATABASES)('staff sign-in on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2020-11-20T02:00:00Z');
  const { now, advance } = clock;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
    await addStaff(ctx.app, { username: 'admin1', role: 'admin', district: null, name: '李管理' });
  });
  afterAll(() => ctx.destroy());

  const me = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });

  it('signs a worker in and answers who they are with the token', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Zhang', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      token: expect.any(String),
      worker: {
        id: expect.any(String),
        username: 'zhang',
        name: '张网格',
        role: 'worker',
        district: '新华区',
      },
      expiresAt: new Date(now().getTime() + SESSION_TTL_MS).toISOString(),
    });
    expect(JSON.stringify(body)).not.toContain('password');
    const who = await me(bearer(body.token));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ username: 'zhang', role: 'worker' });
  });

  it('stores only a hash of the token and of the password', async () => {
    const { token } = await login(ctx.app, 'zhang');
    const sessions = await ctx.app.db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
    const staff = await ctx.app.db.selectFrom('staff').select('password_hash').execute();
    expect(staff.every((s) => s.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(staff.map((s) => s.password_hash).join()).not.toContain(PASSWORD);
  });

  it('refuses a wrong password and an unknown user alike with 401 invalid_credentials', async () => {
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin1', password: 'wrong-password1' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'invalid_credentials', message: '用户名或密码不正确' });
    }
  });

  it('answers an empty or malformed login body with 400 and the fields', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['password', 'username']);
  });

  it('answers staff routes without a token, with a bad one or a non-bearer scheme with 401', async () => {
    for (const headers of [
      {},
      bearer('not-a-real-token-at-all-123456'),
      bearer(''),
      { authorization: 'Basic emhhbmc6eWluZ2NoZW5nMjAyMA==' },
    ]) {
      const res = await me(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthorized', message: '请先登录' });
    }
  });

  it('never takes a resident ticket token as a staff credential', async () => {
    const ticketToken = 'tkt_' + 'a'.repeat(40);
    expect((await me({ 'x-ticket-token': ticketToken })).statusCode).toBe(401);
    expect((await me(bearer(ticketToken))).statusCode).toBe(401);
  });

  it('stops a token after it expires', async () => {
    const { token } = await login(ctx.app, 'zhang');
    advance(SESSION_TTL_MS - 60_000);
    expect((await me(bearer(token))).statusCode).toBe(200);
    advance(120_000);
    expect((await me(bearer(token))).statusCode).toBe(401);
  });

  it('revokes the token on logout, and only that one', async () => {
    const first = await login(ctx.app, 'zhang');
    const second = await login(ctx.app, 'zhang');
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(first.token),
    });
    expect(out.statusCode).toBe(204);
    expect((await me(bearer(first.token))).statusCode).toBe(401);
    expect((await me(bearer(second.token))).statusCode).toBe(200);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(first.token),
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a disabled account at sign-in and stops its live tokens', async () => {
    await addStaff(ctx.app, { username: 'wang', district: '卫东区' });
    const { token } = await login(ctx.app, 'wang');
    await setStaffDisabled(ctx.app.db, { username: 'wang', disabled: true, now: now() });
    expect((await me(bearer(token))).statusCode).toBe(401);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wang', password: PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    // Re-enabling does not bring old tokens back.
    await setStaffDisabled(ctx.app.db, { username: 'wang', disabled: false, now: now() });
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect((await login(ctx.app, 'wang')).token).toEqual(expect.any(String));
  });

  it('ends every session when the password is reset', async () => {
    await addStaff(ctx.app, { username: 'zhao', district: '湛河区' });
    const { token } = await login(ctx.app, 'zhao');
    const passwordHash = await hashPassword('newpass2020');
    await setStaffPassword(ctx.app.db, { username: 'zhao', passwordHash, now: now() });
    expect((await me(bearer(token))).statusCode).toBe(401);
    await login(ctx.app, 'zhao', 'newpass2020');
  });

  it('limits repeated failures per username and address with 429 and Retry-After', async () => {
    await addStaff(ctx.app, { username: 'sun', district: '叶县' });
    const attempt = (password: string, ip = '10.0.0.1') =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sun', password },
        remoteAddress: ip,
      });
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('guess1234')).statusCode).toBe(401);
      advance(1000);
    }
    // Later failures wait longer before the answer.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150 * (0 + 1 + 2 + 3 + 4));
    const limited = await attempt(PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    // The first failure leaves the 15-minute window 15 min after it: 5 s have passed.
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60 - 5);
    // Another address is not held back by this one.
    expect((await attempt(PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    advance(15 * 60 * 1000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures sent in parallel, so a burst cannot slip past the limit', async () => {
    await addStaff(ctx.app, { username: 'qian', district: '宝丰县' });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'qian', password: 'guess1234' },
          remoteAddress: '10.3.0.1',
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOGIN_THROTTLE.maxFailures);
    expect(codes.filter((c) => c !== 401).every((c) => c === 429)).toBe(true);
  });

  it('limits sign-in requests per address whatever the usernames', async () => {
    const attempt = (username: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'guess1234' },
        remoteAddress: '10.4.0.1',
      });
    for (let i = 0; i < 30; i += 1) expect((await attempt(`nobody${i}`)).statusCode).toBe(401);
    const limited = await attempt('nobody30');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('caps failures per username from any address, since an address can be forged', async () => {
    await addStaff(ctx.app, { username: 'zhou', district: '郏县' });
    const attempt = (password: string, ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhou', password },
        remoteAddress: ip,
      });
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerUsername; i += 1) {
      expect((await attempt('guess1234', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const limited = await attempt(PASSWORD, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts sign in as usual.
    expect((await login(ctx.app, 'zhang')).token).toEqual(expect.any(String));
    advance(LOGIN_THROTTLE.windowMs);
    expect((await attempt(PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });
});

describe('sign-in in the logs', () => {
  it('never writes a password or a token to a log line', async () => {
    const { app, lines, destroy } = await createLoggedApp();
    try {
      await addStaff(app, { username: 'logged' });
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'logged', password: 'wrong-secret-9' },
      });
      const { token } = await login(app, 'logged');
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: bearer(token),
        payload: {},
      });
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(line).not.toContain(PASSWORD);
        expect(line).not.toContain('wrong-secret-9');
        expect(line).not.toContain(token);
      }
    } finally {
      await destroy();
    }
  });
});
