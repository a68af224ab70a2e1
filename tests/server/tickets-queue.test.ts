import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

const START = '2026-11-26T02:00:00.000Z';

describe.each(DATABASES)('the staff queue on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock(START);
  let worker: string;
  let admin: string;
  const filed: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, { username: 'xinhua', district: '新华区' });
    await addStaff(ctx.app, { username: 'admin', role: 'admin', district: null });
    worker = (await login(ctx.app, 'xinhua')).token;
    admin = (await login(ctx.app, 'admin')).token;
    // 7 in 新华区 (2 safety, due in 3 days), 3 in 卫东区.
    for (let i = 0; i < 7; i++) {
      const category = i < 2 ? 'safety' : 'municipal';
      const res = await submit(ctx.app, validInput({ category }));
      filed[res.json().ticketNo] = category;
      clock.advanceHours(1);
    }
    for (let i = 0; i < 3; i++) await submit(ctx.app, validInput({ district: '卫东区' }));
    const first = Object.keys(filed)[2];
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${first}/events`,
      headers: bearer(worker),
      payload: { status: 'resolved', note: '已修复' },
    });
  });
  afterAll(() => ctx.destroy());

  const queue = (query: string, token: string) =>
    ctx.app.inject({ url: `/api/tickets${query}`, headers: bearer(token) });

  it('shows a worker only their district, with phones in full, most urgent first', async () => {
    const res = await queue('', worker);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(7);
    expect(page.items.every((t: { district: string }) => t.district === '新华区')).toBe(true);
    expect(page.items[0]).toMatchObject({ phone: '13812341234', category: 'safety' });
    const due = page.items.map((t: { dueAt: string }) => t.dueAt);
    expect([...due].sort()).toEqual(due);
  });

  it('sends the queue as no-store, with no ETag to hash it for', async () => {
    const res = await queue('', worker);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('shows an admin every district', async () => {
    expect((await queue('', admin)).json().total).toBe(10);
  });

  it('filters by status and category', async () => {
    expect((await queue('?status=resolved', worker)).json().total).toBe(1);
    expect((await queue('?status=received&category=safety', worker)).json().total).toBe(2);
  });

  it('filters overdue requests by the clock', async () => {
    expect((await queue('?overdue=true', worker)).json().total).toBe(0);
    clock.advanceHours(3 * 24);
    // Sessions expire with time: sign in again on the new day.
    worker = (await login(ctx.app, 'xinhua')).token;
    admin = (await login(ctx.app, 'admin')).token;
    // Both 安全隐患 requests are past their 3 days; the others have 7.
    expect((await queue('?overdue=true', worker)).json().total).toBe(2);
    expect((await queue('?overdue=false', worker)).json().total).toBe(5);
    // Back to the first day, for the tests that follow (the new sessions stay live).
    clock.advanceHours(-3 * 24);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await queue(query, admin)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((t: { ticketNo: string }) => t.ticketNo));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it('refuses a cursor it did not make, and unknown filters', async () => {
    for (const query of ['?cursor=bm9wZQ', '?status=closed', '?limit=500', '?district=卫东区']) {
      const res = await queue(query, worker);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('is for staff only', async () => {
    const res = await ctx.app.inject({ url: '/api/tickets' });
    expect(res.statusCode).toBe(401);
  });

  it('lists each request as its own page shows it, without its events and ratings', async () => {
    const { ticketNo, accessToken } = (await submit(ctx.app, validInput())).json();
    const move = (status: string, note: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketNo}/events`,
        headers: bearer(worker),
        payload: { status, note },
      });
    const rate = (score: number, comment?: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketNo}/rating`,
        headers: ticketToken(accessToken),
        payload: { score, comment },
      });
    expect((await move('resolved', '已修复')).statusCode).toBe(200);
    expect((await rate(1, '没有修好')).statusCode).toBe(200);
    expect((await move('resolved', '已再次修复')).statusCode).toBe(200);
    expect((await rate(3)).statusCode).toBe(200);

    const page = (await queue('?status=resolved&limit=50', worker)).json();
    const listed = page.items.find((t: { ticketNo: string }) => t.ticketNo === ticketNo);
    const own = (
      await ctx.app.inject({ url: `/api/tickets/${ticketNo}`, headers: bearer(worker) })
    ).json();
    expect(own.events.length).toBeGreaterThanOrEqual(4);
    expect(own.ratings).toHaveLength(2);
    const { events: _events, ratings: _ratings, ...summary } = own;
    expect(listed).toEqual(summary);
    // Every request on a page as its own page shows it.
    for (const item of (await queue('?limit=50', admin)).json().items) {
      const res = await ctx.app.inject({
        url: `/api/tickets/${item.ticketNo}`,
        headers: bearer(admin),
      });
      const { events: _events, ratings: _ratings, ...summary } = res.json();
      expect(item).toEqual(summary);
    }
  });
});
