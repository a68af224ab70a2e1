import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { manualClock } from '../support/clock';
import { addStaff, bearer, login } from './auth-fixtures';

jest.setTimeout(30_000);

// Deadline 2020-12-31. 城区社区规范化建设: 108 个; 失业率控制在4.5%以内: a ceiling.
const COMMUNITIES = 'housing-community-standardization-108';
const CEILING = 'employment-registered-unemployment-ceiling';

// Figures dated to when they were true, and the verdict they give once the deadline has passed: an app of its own,
// so that its clock (moved across the deadline) and its posts touch no other test.
describe.each(DATABASES)('dated figures and verdicts on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2020-12-20T02:00:00Z');
  let token: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
    token = (await login(ctx.app, 'zhang')).token;
  });
  afterAll(() => ctx.destroy());

  const post = async (id: string, payload: object) => {
    clock.advance(60_000);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/commitments/${id}/updates`,
      payload,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const detail = async (id: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/commitments/${id}` })).json();

  it('keeps the figure of the latest day current, whatever the order of posting', async () => {
    await post(COMMUNITIES, { value: 60, note: '截至十一月底', asOf: '2020-11-30' });
    await post(COMMUNITIES, { value: 40, note: '补报九月底的数', asOf: '2020-09-30' });
    const after = await detail(COMMUNITIES);
    expect(after.progress).toMatchObject({ current: 60, asOf: '2020-11-30', reachedOn: null });
    expect(after.updates.map((u: { asOf: string }) => u.asOf)).toEqual([
      '2020-11-30',
      '2020-09-30',
    ]);
  });

  it('says 按期完成 after the deadline when a figure dated on the deadline day reached the target', async () => {
    // Reported in March: the figure of the deadline day, then a later one.
    clock.set('2021-03-01T02:00:00Z');
    token = (await login(ctx.app, 'zhang')).token;
    await post(COMMUNITIES, { value: 108, note: '年底全部完成', asOf: '2020-12-31' });
    // A later figure that lowers it does not undo a promise kept on time.
    await post(COMMUNITIES, { value: 100, note: '复核后 100 个', asOf: '2021-02-28' });
    const after = await detail(COMMUNITIES);
    expect(after.status).toBe('done_on_time');
    expect(after.progress).toMatchObject({ current: 100, reachedOn: '2020-12-31' });
  });

  it('says 逾期完成 when the target was reached only by a figure dated after the deadline', async () => {
    await post(CEILING, { value: 5.1, note: '年底 5.1%', asOf: '2020-12-31' });
    expect((await detail(CEILING)).status).toBe('unfinished');
    await post(CEILING, { value: 4.2, note: '二月回落到 4.2%', asOf: '2021-02-01' });
    const after = await detail(CEILING);
    expect(after.status).toBe('done_late');
    expect(after.progress).toMatchObject({ current: 4.2, percent: 100, reachedOn: '2021-02-01' });
  });

  it('says 未上报 for a promise nobody reported on, and filters and counts by verdict', async () => {
    const list = (status: string) =>
      ctx.app.inject({ method: 'GET', url: `/api/commitments?status=${status}&limit=50` });
    const unreported = (await list('unreported')).json();
    expect(unreported.items.length).toBeGreaterThan(0);
    expect(unreported.items.every((c: { status: string }) => c.status === 'unreported')).toBe(true);
    expect((await list('done_on_time')).json().items.map((c: { id: string }) => c.id)).toEqual([
      COMMUNITIES,
    ]);
    const stats = (await ctx.app.inject({ method: 'GET', url: '/api/stats' })).json();
    expect(stats.commitments.counts).toMatchObject({
      done_on_time: 1,
      done_late: 1,
      unfinished: 0,
      unreported: stats.commitments.total - 2,
      not_started: 0,
      on_track: 0,
      behind: 0,
      done: 0,
    });
    const meta = (await ctx.app.inject({ method: 'GET', url: '/api/meta' })).json();
    expect(meta.commitmentStatuses.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['按期完成', '逾期完成', '未完成', '未上报']),
    );
  });
});
