import { manualClock, type ManualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

const START = '2026-11-26T02:00:00.000Z';

describe.each(DATABASES)('request figures in /api/stats on %s', (dialect) => {
  let ctx: TestContext;
  let clock: ManualClock;
  // An app of its own for each test: each counts from an empty database, whichever runs first.
  beforeEach(async () => {
    clock = manualClock(START);
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, { username: 'admin', role: 'admin', district: null });
  });
  afterEach(() => ctx.destroy());

  it('counts zero before any request', async () => {
    const { tickets } = (await ctx.app.inject({ url: '/api/stats' })).json();
    expect(tickets).toEqual({
      total: 0,
      open: 0,
      resolved: 0,
      closureRate: null,
      satisfactionRate: null,
      medianHoursToResolve: null,
      byCategory: [],
    });
  });

  it('reports totals, closure, satisfaction and the median time to the first resolution', async () => {
    const made: Array<{ ticketNo: string; accessToken: string }> = [];
    for (const category of ['municipal', 'municipal', 'municipal', 'housing']) {
      made.push((await submit(ctx.app, validInput({ category }))).json());
    }
    // Signs in each time: the clock moves past a session's life.
    const resolve = async (ticketNo: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketNo}/events`,
        headers: bearer((await login(ctx.app, 'admin')).token),
        payload: { status: 'resolved', note: '办结' },
      });
    const rate = (t: { ticketNo: string; accessToken: string }, score: number) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${t.ticketNo}/rating`,
        headers: ticketToken(t.accessToken),
        payload: { score },
      });
    clock.advanceHours(10);
    await resolve(made[0].ticketNo);
    clock.advanceHours(20);
    await resolve(made[1].ticketNo);
    clock.advanceHours(30);
    await resolve(made[3].ticketNo);
    await rate(made[0], 3);
    await rate(made[3], 2);
    // Not satisfied: reopened, so it counts as open; its first resolution still counts for the median.
    await rate(made[1], 1);

    const { tickets } = (await ctx.app.inject({ url: '/api/stats' })).json();
    expect(tickets).toMatchObject({
      total: 4,
      open: 2,
      resolved: 2,
      closureRate: 0.5,
      satisfactionRate: 0.667,
      // 10, 30 and 60 hours: the middle one, as the middle of its whole-hour bucket (to within an hour).
      medianHoursToResolve: 30.5,
    });
    expect(tickets.byCategory).toEqual([
      {
        category: 'municipal',
        name: '市政设施',
        total: 3,
        resolved: 1,
        closureRate: 0.333,
        satisfactionRate: 0.5,
      },
      {
        category: 'housing',
        name: '住房物业',
        total: 1,
        resolved: 1,
        closureRate: 1,
        satisfactionRate: 1,
      },
    ]);
  });
});
