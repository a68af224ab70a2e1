import { CLAIM_LEASE_MS, RETRY } from '../../server/wechat/sender';
import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import { addStaff, login } from './auth-fixtures';
import { fileRequest, move, signInCitizen, subscribe, wechatConfig } from './citizen-fixtures';

jest.setTimeout(60_000);

const START = '2026-11-26T02:00:00.000Z';

/** One app on its own database and stand-in, with a manual clock. */
async function setUp(dialect: 'sqlite' | 'postgres') {
  const standIn = await startWechatStandIn();
  const clock = manualClock(START);
  const ctx = await createTestApp(dialect, {
    now: clock.now,
    config: { wechat: wechatConfig(standIn) },
  });
  const admin = await addStaff(ctx.app, {
    username: 'delivery-admin',
    role: 'admin',
    district: null,
  });
  const staffToken = (await login(ctx.app, admin.username)).token;
  /** A request filed signed in by citizen `code`, with one grant, moved once: one notice queued. */
  const queueNoticeFor = async (citizen: string, note = '已派单给新华区城管') => {
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: citizen });
    await subscribe(ctx.app, { ticketNo, citizenToken: citizen });
    await move(ctx.app, { ticketNo, staffToken, status: 'dispatched', note });
    return ticketNo;
  };
  const queueNotice = async (code: string) => queueNoticeFor(await signInCitizen(ctx.app, code));
  const states = async () =>
    ctx.app.db
      .selectFrom('status_notices')
      .select(['ticket_no', 'state', 'attempts'])
      .orderBy('ticket_no')
      .execute();
  return { standIn, clock, ctx, queueNotice, queueNoticeFor, states };
}

describe.each(DATABASES)('delivering status notices on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof setUp>>;
  let ctx: TestContext;
  let standIn: WechatStandIn;
  beforeEach(async () => {
    t = await setUp(dialect);
    ({ ctx, standIn } = t);
  });
  afterEach(async () => {
    await ctx.destroy();
    await standIn.close();
  });

  it('keeps the access token until it expires, and fetches it again once when WeChat stops taking it', async () => {
    await t.queueNotice('token-1');
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.tokenCalls).toBe(1);

    await t.queueNotice('token-2');
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.tokenCalls).toBe(1); // cached

    // The token expires mid-way (42001): fetched again once, the notice resent, delivered.
    standIn.expireToken();
    await t.queueNotice('token-3');
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.tokenCalls).toBe(2);
    expect(standIn.state.delivered.map((n) => n.touser)).toEqual([
      'openid-token-1',
      'openid-token-2',
      'openid-token-3',
    ]);

    // Past its lifetime (2 h) the cached token is not used; a fresh one is asked for.
    t.clock.advanceHours(2);
    await t.queueNotice('token-4');
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.tokenCalls).toBe(3);
    expect(standIn.state.delivered).toHaveLength(4);
  });

  it('refreshes the token once per try, not in a loop, when WeChat refuses every token', async () => {
    standIn.state.refuseTokens = true;
    const ticketNo = await t.queueNotice('loop-1');
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.tokenCalls).toBe(2);
    expect(standIn.state.sendCalls).toBe(2);
    expect(await t.states()).toEqual([{ ticket_no: ticketNo, state: 'pending', attempts: 1 }]);
  });

  it('delivers every notice exactly once after WeChat is down for a minute, backing off meanwhile', async () => {
    const citizens = [];
    for (const code of ['down-1', 'down-2', 'down-3']) {
      citizens.push(await signInCitizen(ctx.app, code));
    }
    // Down before the first notice is queued: not one can slip out early.
    await standIn.down();
    const tickets = [];
    for (const citizen of citizens) tickets.push(await t.queueNoticeFor(citizen));
    const triedAt: number[] = [];
    let lastAttempts = 0;
    // The sender's poller, played by hand: a second at a time for two minutes.
    for (let second = 0; second <= 120; second++) {
      if (second === 60) await standIn.up();
      await ctx.app.notices!.deliverDue();
      const [first] = await t.states();
      if (first.attempts > lastAttempts) triedAt.push(second);
      lastAttempts = first.attempts;
      t.clock.advance(1000);
    }
    // Tries at 0 s, then after 5, 10, 20 and 40 s more: the fifth, at 75 s, finds WeChat back.
    expect(triedAt).toEqual([0, 5, 15, 35, 75]);
    expect(RETRY.firstMs).toBe(5000);
    const delivered = standIn.state.delivered.map((n) => n.data.character_string1.value);
    expect(delivered.sort()).toEqual([...tickets].sort());
    expect(await t.states()).toEqual(
      [...tickets].sort().map((ticket_no) => ({ ticket_no, state: 'sent', attempts: 5 })),
    );
  });

  it('treats WeChat busy (-1) and its gateway’s 503 as not delivered, and tries again', async () => {
    standIn.state.mode = 'busy';
    await t.queueNotice('gateway-1');
    await ctx.app.notices!.deliverDue();
    standIn.state.mode = 'http503';
    t.clock.advance(RETRY.firstMs);
    await ctx.app.notices!.deliverDue();
    standIn.state.mode = 'up';
    t.clock.advance(2 * RETRY.firstMs);
    await ctx.app.notices!.deliverDue();
    expect(standIn.state.delivered).toHaveLength(1);
    expect((await t.states())[0]).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('never sends again a notice whose sender stopped in the middle of the call', async () => {
    const citizen = await signInCitizen(ctx.app, 'lapsed-1');
    await standIn.down();
    const ticketNo = await t.queueNoticeFor(citizen);
    await ctx.app.notices!.deliverDue(); // this process's own try (refused: WeChat is down) is over
    // A process claimed it and died before it could record how the call went.
    const leaseEnd = new Date(t.clock.now().getTime() + CLAIM_LEASE_MS).toISOString();
    await ctx.app.db
      .updateTable('status_notices')
      .set({ state: 'sending', attempts: 1, next_attempt_at: leaseEnd })
      .execute();
    await standIn.up();
    await ctx.app.notices!.deliverDue();
    expect((await t.states())[0].state).toBe('sending'); // its claim still holds
    t.clock.advance(CLAIM_LEASE_MS + 1000);
    await ctx.app.notices!.deliverDue();
    t.clock.advanceHours(1);
    await ctx.app.notices!.deliverDue();
    expect(await t.states()).toEqual([{ ticket_no: ticketNo, state: 'unknown', attempts: 1 }]);
    expect(standIn.state.delivered).toEqual([]);
  });

  it('gives up a notice WeChat never takes after a day', async () => {
    standIn.state.mode = 'busy';
    await t.queueNotice('day-1');
    for (let hour = 0; hour <= 25; hour++) {
      await ctx.app.notices!.deliverDue();
      t.clock.advanceHours(1);
    }
    expect((await t.states())[0].state).toBe('failed');
  });
});
