import { REOPEN_NOTE } from '../../src/domain/ticket';
import { manualClock } from '../support/clock';
import { createLoggedApp, createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import { addStaff, bearer, login } from './auth-fixtures';
import { fileRequest, move, signInCitizen, subscribe, wechatConfig } from './citizen-fixtures';
import { ticketToken } from './tickets-fixtures';

jest.setTimeout(30_000);

const START = '2026-11-26T02:00:00.000Z';
const LONG_NOTE = '已安排城管维修班组明天上午到现场更换灯杆和线路并做好安全围挡';

describe.each(DATABASES)('status notices on %s', (dialect) => {
  let standIn: WechatStandIn;
  let ctx: TestContext;
  let staffToken: string;
  const clock = manualClock(START);
  const deliver = () => ctx.app.notices!.deliverDue();
  const notices = (ticketNo: string) =>
    ctx.app.inject({ url: `/api/tickets/${ticketNo}/notifications`, headers: bearer(staffToken) });

  beforeAll(async () => {
    standIn = await startWechatStandIn();
    ctx = await createTestApp(dialect, {
      now: clock.now,
      config: { wechat: wechatConfig(standIn) },
    });
    const admin = await addStaff(ctx.app, {
      username: 'notice-admin',
      role: 'admin',
      district: null,
    });
    staffToken = (await login(ctx.app, admin.username)).token;
  });
  afterAll(async () => {
    await ctx.destroy();
    await standIn.close();
  });
  beforeEach(() => {
    standIn.state.errcode = null;
  });

  it('needs a citizen session, the configured template and a request the citizen holds', async () => {
    const citizen = await signInCitizen(ctx.app, 'grant-1');
    const { ticketNo, accessToken } = await fileRequest(ctx.app);
    const tokenOnly = await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/subscription`,
      headers: ticketToken(accessToken),
      payload: { templateId: 'status-template' },
    });
    expect(tokenOnly.statusCode).toBe(401);
    expect((await subscribe(ctx.app, { ticketNo, citizenToken: citizen })).statusCode).toBe(404);
    const other = await subscribe(ctx.app, {
      ticketNo,
      citizenToken: citizen,
      ticketToken: accessToken,
      templateId: 'another-template',
    });
    expect(other.statusCode).toBe(400);
    const granted = await subscribe(ctx.app, {
      ticketNo,
      citizenToken: citizen,
      ticketToken: accessToken,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toEqual({ ticketNo, waiting: 1 });
    // Allowed with the phone's token, the request is the citizen's from now on.
    const list = await ctx.app.inject({ url: '/api/citizen/tickets', headers: bearer(citizen) });
    expect(list.json().items.map((t: { ticketNo: string }) => t.ticketNo)).toEqual([ticketNo]);
  });

  it('tells the citizen of a move once per grant, each value within its field’s limit', async () => {
    const citizen = await signInCitizen(ctx.app, 'move-1');
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: citizen });
    expect((await subscribe(ctx.app, { ticketNo, citizenToken: citizen })).statusCode).toBe(201);
    const before = standIn.state.delivered.length;
    await move(ctx.app, { ticketNo, staffToken, status: 'dispatched', note: LONG_NOTE });
    await deliver();
    expect(standIn.state.delivered.slice(before)).toEqual([
      {
        touser: 'openid-move-1',
        template_id: 'status-template',
        page: `pages/request-detail/index?no=${encodeURIComponent(ticketNo)}`,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        data: {
          character_string1: { value: ticketNo },
          phrase2: { value: '已派单' },
          // 10:00 in Beijing.
          time3: { value: '2026年11月26日 10:00' },
          thing4: { value: `${[...LONG_NOTE].slice(0, 19).join('')}…` },
        },
      },
    ]);
    // The grant is used: the next move tells nobody.
    await move(ctx.app, { ticketNo, staffToken, status: 'in_progress', note: '正在维修' });
    await deliver();
    expect(standIn.state.delivered.length).toBe(before + 1);
    const seen = (await notices(ticketNo)).json();
    expect(seen).toEqual({
      waitingGrants: 0,
      items: [
        { status: 'dispatched', note: LONG_NOTE, state: 'sent', queuedAt: START, sentAt: START },
      ],
    });
  });

  it('keeps a second grant for the next move, and tells of a reopening by a rating', async () => {
    const citizen = await signInCitizen(ctx.app, 'reopen-1');
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: citizen });
    await subscribe(ctx.app, { ticketNo, citizenToken: citizen });
    expect((await subscribe(ctx.app, { ticketNo, citizenToken: citizen })).json().waiting).toBe(2);
    const before = standIn.state.delivered.length;
    await move(ctx.app, { ticketNo, staffToken, status: 'resolved', note: '路灯已修好' });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/rating`,
      headers: bearer(citizen),
      payload: { score: 1 },
    });
    await deliver();
    const told = standIn.state.delivered
      .slice(before)
      .map((n) => [n.data.phrase2.value, n.data.thing4.value]);
    expect(told).toEqual([
      ['已办结', '路灯已修好'],
      ['办理中', REOPEN_NOTE],
    ]);
  });

  it.each([
    [43101, 'refused'],
    [47003, 'failed'],
  ])('gives a notice up for good on %i', async (errcode, state) => {
    const citizen = await signInCitizen(ctx.app, `given-up-${errcode}`);
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: citizen });
    await subscribe(ctx.app, { ticketNo, citizenToken: citizen });
    standIn.state.errcode = errcode;
    const calls = standIn.state.sendCalls;
    await move(ctx.app, { ticketNo, staffToken, status: 'dispatched', note: '已派单' });
    await deliver();
    clock.advance(3600_000);
    await deliver();
    expect(standIn.state.sendCalls).toBe(calls + 1);
    expect((await notices(ticketNo)).json().items[0].state).toBe(state);
  });

  it('shows staff a request’s notices only in their district', async () => {
    const citizen = await signInCitizen(ctx.app, 'district-1');
    const { ticketNo } = await fileRequest(ctx.app, { citizenToken: citizen });
    const worker = await addStaff(ctx.app, { username: 'far-worker', district: '叶县' });
    const { token } = await login(ctx.app, worker.username);
    const res = await ctx.app.inject({
      url: `/api/tickets/${ticketNo}/notifications`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(404);
    expect((await notices(ticketNo)).json()).toEqual({ waitingGrants: 0, items: [] });
  });
});

describe('the log of a notice WeChat refused', () => {
  it('names the request, never the citizen’s openid', async () => {
    const standIn = await startWechatStandIn();
    const { app, lines, destroy } = await createLoggedApp('sqlite', {
      wechat: wechatConfig(standIn),
    });
    try {
      const citizen = await signInCitizen(app, 'refuser-1');
      const { ticketNo } = await fileRequest(app, { citizenToken: citizen });
      await subscribe(app, { ticketNo, citizenToken: citizen });
      const admin = await addStaff(app, { username: 'log-admin', role: 'admin', district: null });
      const staffToken = (await login(app, admin.username)).token;
      standIn.state.refusing.add('openid-refuser-1');
      await move(app, { ticketNo, staffToken, status: 'dispatched', note: '已派单' });
      await app.notices!.deliverDue();
      const log = lines.join('');
      expect(log).toContain(ticketNo);
      expect(log).toContain('43101');
      expect(log).not.toContain('openid-refuser-1');
      expect(log).not.toContain('session-key-of');
      expect(log).not.toContain('stand-in-secret');
    } finally {
      await destroy();
      await standIn.close();
    }
  });
});
