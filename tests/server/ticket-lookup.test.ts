import { buildApp } from '../../server/build-app';
import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, testConfig, type TestContext } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import { bearer } from './auth-fixtures';
import { fileRequest, signInCitizen, wechatConfig } from './citizen-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

jest.setTimeout(30_000);

const PHONE = '13912345678';
type App = TestContext['app'];

const lookup = (app: App, ticketNo: string, phone: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/tickets/lookup', payload: { ticketNo, phone }, headers });

describe.each(DATABASES)('looking a request up by number and phone, on %s', (dialect) => {
  let standIn: WechatStandIn;
  let ctx: TestContext;
  const clock = manualClock('2026-11-26T02:00:00.000Z');
  beforeAll(async () => {
    standIn = await startWechatStandIn();
    ctx = await createTestApp(dialect, {
      now: clock.now,
      config: { wechat: wechatConfig(standIn), trustProxy: ['127.0.0.1'] },
    });
  });
  afterAll(async () => {
    await ctx.destroy();
    await standIn.close();
  });
  // Each test from its own address, so that the per-client limit is its own.
  let client = 0;
  const from = () => ({ 'x-forwarded-for': `10.0.0.${++client}` });

  it('gives a new token for the request; the first one keeps working', async () => {
    const { ticketNo, accessToken } = await fileRequest(ctx.app, { phone: PHONE });
    const res = await lookup(ctx.app, ticketNo.toLowerCase(), `139 1234 5678`, from());
    expect(res.statusCode).toBe(200);
    const { accessToken: other } = res.json();
    expect(other).not.toBe(accessToken);
    for (const token of [accessToken, other]) {
      const read = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: ticketToken(token),
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().phone).toBe('139****5678');
    }
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers a wrong phone, an unknown number and a request without a phone the same way', async () => {
    const { ticketNo } = await fileRequest(ctx.app, { phone: PHONE });
    const input = validInput({ anonymous: true });
    delete input.phone;
    const anonymous = (await submit(ctx.app, input)).json().ticketNo as string;
    const headers = from();
    const answers = [
      await lookup(ctx.app, ticketNo, '13800000000', headers),
      await lookup(ctx.app, 'PDS20261126-99999999', PHONE, headers),
      await lookup(ctx.app, anonymous, PHONE, headers),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('allows 5 tries of a number a day, wherever they come from, counted in the database', async () => {
    const { ticketNo } = await fileRequest(ctx.app, { phone: PHONE });
    // A second app on the same database: another process, as far as the count is concerned.
    const other = await buildApp({
      config: { ...testConfig(ctx.dataDir, ctx.databaseUrl), trustProxy: ['127.0.0.1'] },
      now: clock.now,
    });
    try {
      for (const app of [ctx.app, other, ctx.app, other]) {
        expect((await lookup(app, ticketNo, '13800000000', from())).statusCode).toBe(404);
      }
      expect((await lookup(other, ticketNo, PHONE, from())).statusCode).toBe(200); // the 5th
      const sixth = await lookup(ctx.app, ticketNo, PHONE, from());
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().message).toContain('12345');
      // An unknown number is limited the same way.
      for (let i = 0; i < 5; i++) await lookup(ctx.app, 'PDS20261126-00000001', PHONE, from());
      expect((await lookup(ctx.app, 'PDS20261126-00000001', PHONE, from())).statusCode).toBe(429);
      // The next Beijing day, the number may be tried again.
      clock.advanceHours(24);
      expect((await lookup(ctx.app, ticketNo, PHONE, from())).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('limits one client to 10 lookups a minute, whatever the numbers', async () => {
    const headers = from();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await lookup(ctx.app, `PDS20261126-${1000 + i}`, PHONE, headers)).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
  });

  it('refuses a malformed number or phone with field messages', async () => {
    const res = await lookup(ctx.app, 'abc', '123', from());
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'ticketNo',
      'phone',
    ]);
  });

  it('links the request to a citizen signed in on the new phone', async () => {
    const { ticketNo } = await fileRequest(ctx.app, { phone: PHONE });
    const citizen = await signInCitizen(ctx.app, 'new-phone-1');
    expect(
      (await lookup(ctx.app, ticketNo, PHONE, { ...from(), ...bearer(citizen) })).statusCode,
    ).toBe(200);
    const list = await ctx.app.inject({ url: '/api/citizen/tickets', headers: bearer(citizen) });
    expect(list.json().items.map((t: { ticketNo: string }) => t.ticketNo)).toEqual([ticketNo]);
    const read = await ctx.app.inject({
      url: `/api/tickets/${ticketNo}`,
      headers: bearer(citizen),
    });
    expect(read.statusCode).toBe(200);
  });
});
