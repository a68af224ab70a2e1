import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { manualClock } from '../support/clock';
import { xmlItems } from '../support/xml';
import { ROOT, addKey, fmsReport, postRequest, requestIdOf } from './open311-fixtures';

jest.setTimeout(60_000);

// GET requests by a window of filing times (start_date, end_date), with service_code and status filters.
describe.each(DATABASES)('Open311 request windows on %s', (dialect) => {
  let ctx: TestContext;
  let key: string;
  const clock = manualClock('2026-11-30T03:36:53.250Z');
  const get = (path: string) => ctx.app.inject({ method: 'GET', url: `${ROOT}${path}` });

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    key = await addKey(ctx.app);
  });
  afterAll(() => ctx.destroy());

  it('reads requests filed in a window, inclusive to the second, filtered by service and status', async () => {
    const at = async (iso: string, code = 'environment') => {
      clock.set(iso);
      return requestIdOf((await postRequest(ctx.app, fmsReport(key, { service_code: code }))).body);
    };
    const first = await at('2026-10-01T00:00:00.000Z');
    const last = await at('2026-10-01T23:59:59.900Z');
    await at('2026-10-02T00:00:00.000Z');
    const health = await at('2026-10-01T12:00:00.000Z', 'health');
    clock.set('2026-11-30T03:36:53.250Z');
    const window = 'start_date=2026-10-01T00:00:00Z&end_date=2026-10-01T23:59:59Z';
    const ids = async (query: string) =>
      xmlItems((await get(`requests.xml?api_key=${key}&${query}`)).body, 'request').map(
        (r) => r.service_request_id,
      );
    expect(await ids(window)).toEqual([last, health, first]);
    expect(await ids(`${window}&service_code=environment`)).toEqual([last, first]);
    expect(await ids(`${window}&service_code=health,care&status=open`)).toEqual([health]);
    expect(await ids(`${window}&status=closed`)).toEqual([]);
    expect(await ids(`${window}&service_code=potholes`)).toEqual([]);
    // The same window in Beijing time, the + of its offset sent unencoded (read as a space).
    expect(
      await ids('start_date=2026-10-01T08:00:00%2B08:00&end_date=2026-10-02T07:59:59+08:00'),
    ).toEqual([last, health, first]);
  });

  it.each([
    ['a date without a zone', 'start_date=2026-10-01T00:00:00', 'start_date'],
    ['a day that does not exist', 'end_date=2026-02-30T00:00:00Z', 'end_date'],
  ])('refuses %s with 400', async (_, query, name) => {
    const res = await get(`requests.xml?api_key=${key}&${query}`);
    expect(res.statusCode).toBe(400);
    expect(xmlItems(res.body, 'error')).toEqual([
      { code: '400', description: `${name}: 应为带时区的 W3C 日期时间，如 2026-11-30T03:36:53Z` },
    ]);
  });

  it.each([
    [
      'a window that ends before it starts',
      'start_date=2026-10-02T00:00:00Z&end_date=2026-10-01T00:00:00Z',
      'start_date: 不能晚于 end_date',
    ],
    ['an unknown status', 'status=pending', 'status: 只有 open 和 closed，没有 pending'],
  ])('refuses %s with 400', async (_, query, description) => {
    const res = await get(`requests.xml?api_key=${key}&${query}`);
    expect(res.statusCode).toBe(400);
    expect(xmlItems(res.body, 'error')).toEqual([{ code: '400', description }]);
  });

  it('answers at most 1,000 requests, the newest, each with updated_datetime', async () => {
    // Written straight to the database: 1,001 requests through the API would take long.
    const base = await ctx.app.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    const rows = Array.from({ length: 1001 }, (_, i) => ({
      ...base,
      id: `bulk-${String(i).padStart(4, '0')}`,
      ticket_no: `PDS20250101-${String(i).padStart(4, '0')}`,
      created_at: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 1000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await ctx.app.db
        .insertInto('tickets')
        .values(rows.slice(i, i + 100))
        .execute();
    }
    const res = await get(
      `requests.json?api_key=${key}&start_date=2025-01-01T00:00:00Z&end_date=2025-01-02T00:00:00Z`,
    );
    const requests = res.json();
    expect(requests).toHaveLength(1000);
    expect(requests[0].service_request_id).toBe('PDS20250101-1000');
    expect(requests.every((r: { updated_datetime?: string }) => r.updated_datetime)).toBe(true);
  });
});
