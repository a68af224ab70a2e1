import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

const START = '2026-11-26T02:00:00.000Z';

describe.each(DATABASES)('staff handling requests on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock(START);
  let worker: string;
  let otherWorker: string;
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, { username: 'xinhua', district: '新华区', name: '张网格' });
    await addStaff(ctx.app, { username: 'weidong', district: '卫东区', name: '李网格' });
    await addStaff(ctx.app, { username: 'admin', role: 'admin', district: null, name: '市民生办' });
    worker = (await login(ctx.app, 'xinhua')).token;
    otherWorker = (await login(ctx.app, 'weidong')).token;
    admin = (await login(ctx.app, 'admin')).token;
  });
  afterAll(() => ctx.destroy());

  async function file(overrides: Record<string, unknown> = {}) {
    const res = await submit(ctx.app, validInput(overrides));
    expect(res.statusCode).toBe(201);
    return res.json() as { ticketNo: string; accessToken: string };
  }

  const act = (ticketNo: string, body: unknown, headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/events`,
      headers,
      payload: body as object,
    });

  const rate = (ticketNo: string, token: string, body: unknown) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/rating`,
      headers: ticketToken(token),
      payload: body as object,
    });

  describe('reading one request', () => {
    it('shows a worker of its district the full phone number', async () => {
      const { ticketNo } = await file();
      const res = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: bearer(worker),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().phone).toBe('13812341234');
    });

    it('shows an admin any request in full', async () => {
      const { ticketNo } = await file({ district: '汝州市' });
      const res = await ctx.app.inject({ url: `/api/tickets/${ticketNo}`, headers: bearer(admin) });
      expect(res.json().phone).toBe('13812341234');
    });

    it('hides a request from a worker of another district: 404', async () => {
      const { ticketNo } = await file();
      const res = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: bearer(otherWorker),
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('moving a request on', () => {
    it('dispatches, works and resolves along the state machine, with the worker named', async () => {
      const { ticketNo, accessToken } = await file();
      clock.advanceHours(1);
      expect(
        (await act(ticketNo, { status: 'dispatched', note: '已派至建设路街道' }, bearer(worker)))
          .statusCode,
      ).toBe(200);
      expect(
        (await act(ticketNo, { status: 'in_progress', note: '维修队已到场' }, bearer(worker)))
          .statusCode,
      ).toBe(200);
      clock.advanceHours(5);
      const done = await act(ticketNo, { status: 'resolved', note: '路灯已修复' }, bearer(worker));
      expect(done.statusCode).toBe(200);
      const ticket = done.json();
      expect(ticket).toMatchObject({
        status: 'resolved',
        phone: '13812341234',
        resolvedAt: clock.now().toISOString(),
      });
      expect(ticket.events.map((e: { status: string }) => e.status)).toEqual([
        'received',
        'dispatched',
        'in_progress',
        'resolved',
      ]);
      expect(ticket.events[3]).toMatchObject({ actor: '张网格', note: '路灯已修复' });

      // The submitter sees the same history, phone masked.
      const mine = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: ticketToken(accessToken),
      });
      expect(mine.json()).toMatchObject({ status: 'resolved', phone: '138****1234' });
      expect(mine.json().events).toHaveLength(4);
    });

    it('refuses a move the state machine does not allow: 409 invalid_transition', async () => {
      const { ticketNo } = await file();
      await act(ticketNo, { status: 'resolved', note: '已解决' }, bearer(worker));
      const res = await act(ticketNo, { status: 'in_progress', note: '再看看' }, bearer(worker));
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('invalid_transition');
      const fresh = await file();
      const skip = await act(
        fresh.ticketNo,
        { status: 'in_progress', note: '直接办理' },
        bearer(worker),
      );
      expect(skip.statusCode).toBe(409);
    });

    it('lets staff reply without changing the status', async () => {
      const { ticketNo } = await file();
      const res = await act(
        ticketNo,
        { status: 'received', note: '已电话联系群众' },
        bearer(worker),
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().events).toHaveLength(2);
    });

    it('answers a worker of another district with 404 and writes nothing', async () => {
      const { ticketNo } = await file();
      const res = await act(ticketNo, { status: 'dispatched', note: '派单' }, bearer(otherWorker));
      expect(res.statusCode).toBe(404);
      const read = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: bearer(worker),
      });
      expect(read.json().events).toHaveLength(1);
    });

    it('requires a staff bearer token; a ticket token is not one', async () => {
      const { ticketNo, accessToken } = await file();
      for (const headers of [{}, ticketToken(accessToken), bearer(accessToken)]) {
        const res = await act(ticketNo, { status: 'dispatched', note: '派单' }, headers);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('unauthorized');
      }
    });

    it('refuses an unknown status, an empty note and extra fields', async () => {
      const { ticketNo } = await file();
      for (const body of [
        { status: 'closed', note: '结案' },
        { status: 'dispatched', note: '   ' },
        { status: 'dispatched', note: '派单', actor: '别人' },
        { status: 'dispatched' },
      ]) {
        const res = await act(ticketNo, body, bearer(worker));
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('validation_failed');
      }
    });

    it('lets exactly one of two concurrent conflicting moves win', async () => {
      const { ticketNo } = await file();
      const answers = await Promise.all([
        act(ticketNo, { status: 'resolved', note: '甲办结' }, bearer(worker)),
        act(ticketNo, { status: 'resolved', note: '乙办结' }, bearer(admin)),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const read = await ctx.app.inject({
        url: `/api/tickets/${ticketNo}`,
        headers: bearer(admin),
      });
      expect(read.json().events).toHaveLength(2);
    });
  });

  describe('the submitter rating the outcome', () => {
    it('refuses a rating before 已办结: 409 invalid_transition', async () => {
      const { ticketNo, accessToken } = await file();
      const res = await rate(ticketNo, accessToken, { score: 3 });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('invalid_transition');
    });

    it('takes one rating per resolution: 409 already_rated the second time', async () => {
      const { ticketNo, accessToken } = await file();
      await act(ticketNo, { status: 'resolved', note: '已修复' }, bearer(worker));
      const first = await rate(ticketNo, accessToken, { score: 3, comment: '很及时，谢谢' });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        status: 'resolved',
        ratings: [{ score: 3, comment: '很及时，谢谢' }],
      });
      const again = await rate(ticketNo, accessToken, { score: 2 });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('already_rated');
    });

    it('reopens the request when not satisfied, and takes a new rating after the next resolution', async () => {
      const { ticketNo, accessToken } = await file();
      await act(ticketNo, { status: 'resolved', note: '已修复' }, bearer(worker));
      const unhappy = await rate(ticketNo, accessToken, { score: 1, comment: '还是不亮' });
      expect(unhappy.statusCode).toBe(200);
      const reopened = unhappy.json();
      expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null });
      expect(reopened.events.at(-1)).toMatchObject({
        status: 'in_progress',
        note: '群众不满意，重新办理',
        actor: '市民',
      });
      expect((await rate(ticketNo, accessToken, { score: 1 })).json().code).toBe('already_rated');

      await act(ticketNo, { status: 'resolved', note: '更换了灯头' }, bearer(worker));
      const happy = await rate(ticketNo, accessToken, { score: 3 });
      expect(happy.statusCode).toBe(200);
      expect(happy.json().ratings.map((r: { score: number }) => r.score)).toEqual([1, 3]);
    });

    it('takes a rating only from the submitter', async () => {
      const { ticketNo } = await file();
      await act(ticketNo, { status: 'resolved', note: '已修复' }, bearer(worker));
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketNo}/rating`,
        headers: bearer(worker),
        payload: { score: 3 },
      });
      expect(res.statusCode).toBe(404);
    });

    it('refuses a score outside 1–3 and wrong types', async () => {
      const { ticketNo, accessToken } = await file();
      await act(ticketNo, { status: 'resolved', note: '已修复' }, bearer(worker));
      for (const body of [{ score: 4 }, { score: '3' }, { score: 0 }, {}, { score: 2, extra: 1 }]) {
        const res = await rate(ticketNo, accessToken, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('validation_failed');
      }
    });
  });
});
