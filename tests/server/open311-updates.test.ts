import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { manualClock } from '../support/clock';
import { xmlItems } from '../support/xml';
import { addStaff, bearer, login } from './auth-fixtures';
import { ROOT, addKey, fmsReport, postRequest, requestIdOf } from './open311-fixtures';
import { ticketToken } from './tickets-fixtures';

jest.setTimeout(60_000);

// GET servicerequestupdates (mySociety's extension), as FixMyStreet polls it: a window, every step once.
describe.each(DATABASES)('Open311 request updates on %s', (dialect) => {
  let ctx: TestContext;
  let key: string;
  let staffToken: string;
  const clock = manualClock('2026-11-30T01:00:00.000Z');
  const updates = async (query: string) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${ROOT}servicerequestupdates.xml?${query}`,
    });
    expect(res.statusCode).toBe(200);
    return xmlItems(res.body, 'request_update');
  };
  const move = (ticketNo: string, status: string, note: string) => {
    clock.advance(60_000);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/events`,
      headers: bearer(staffToken),
      payload: { status, note },
    });
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    key = await addKey(ctx.app, { name: '12345热线' });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
    staffToken = (await login(ctx.app, 'zhang')).token;
  });
  afterAll(() => ctx.destroy());

  it('answers each staff step in the window once, with a stable update_id, oldest first', async () => {
    const id = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    await move(id, 'dispatched', '已派往新华区城管局');
    await move(id, 'in_progress', '已安排维修');
    await move(id, 'resolved', '路灯已修复');
    const window = `start_date=2026-11-30T01:00:00Z&end_date=2026-11-30T01:03:00Z&api_key=${key}`;
    const first = await updates(window);
    expect(first.map((u) => [u.service_request_id, u.status, u.description])).toEqual([
      [id, 'investigating', '已派往新华区城管局'],
      [id, 'in_progress', '已安排维修'],
      [id, 'closed', '路灯已修复'],
    ]);
    expect(first.map((u) => u.updated_datetime)).toEqual([
      '2026-11-30T01:01:00Z',
      '2026-11-30T01:02:00Z',
      '2026-11-30T01:03:00Z',
    ]);
    const ids = first.map((u) => u.update_id);
    expect(new Set(ids).size).toBe(3);
    expect((await updates(window)).map((u) => u.update_id)).toEqual(ids);
  });

  it('answers only the updates inside the window', async () => {
    const inside = await updates(
      `start_date=2026-11-30T01:01:30Z&end_date=2026-11-30T01:02:00Z&api_key=${key}`,
    );
    expect(inside.map((u) => u.description)).toEqual(['已安排维修']);
    expect(
      await updates(`start_date=2026-11-30T02:00:00Z&end_date=2026-11-30T03:00:00Z&api_key=${key}`),
    ).toEqual([]);
  });

  it('answers the citizen reopening a request as an update too', async () => {
    clock.set('2026-11-30T06:00:00.000Z');
    const filed = await ctx.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'idempotency-key': '8f14e45f-ceea-4e7a-8d6e-5c1e0f0d3b11' },
      payload: {
        category: 'municipal',
        content: '建设路与中兴路交叉口的路灯坏了一个多月',
        district: '新华区',
        anonymous: true,
        consent: true,
      },
    });
    const { ticketNo, accessToken } = filed.json();
    await move(ticketNo, 'resolved', '已修复');
    clock.advance(60_000);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketNo}/rating`,
      headers: ticketToken(accessToken),
      payload: { score: 1 },
    });
    const window = `start_date=2026-11-30T06:00:00Z&end_date=2026-11-30T07:00:00Z&api_key=${key}`;
    expect((await updates(window)).map((u) => [u.status, u.description])).toEqual([
      ['closed', '已修复'],
      ['in_progress', '群众不满意，重新办理'],
    ]);
  });

  it('answers JSON too', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${ROOT}servicerequestupdates.json?start_date=2026-11-30T01:00:00Z&end_date=2026-11-30T01:01:00Z&api_key=${key}`,
    });
    expect(res.json()).toEqual([
      expect.objectContaining({ status: 'investigating', description: '已派往新华区城管局' }),
    ]);
  });
});
