import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { request as httpRequest } from 'node:http';
import { exportTicketPages } from '../../server/repositories/ticket-export';
import { createSession } from '../../server/repositories/staff';
import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

jest.setTimeout(60_000);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The rows of a CSV answer, as a spreadsheet reads them. */
const rows = (text: string): string[][] => parse(text, { relax_column_count: true });

describe.each(DATABASES)('CSV exports on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2026-03-02T01:00:00.000Z');
  let admin: string;
  let worker: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    const session = async (id: string) =>
      createSession(ctx.app.db, {
        staffId: id,
        expiresAt: new Date('2100-01-01'),
        now: clock.now(),
      });
    admin = await session(
      (await addStaff(ctx.app, { username: 'a', role: 'admin', district: null })).id,
    );
    worker = await session((await addStaff(ctx.app, { username: 'w', district: '新华区' })).id);
    await submit(ctx.app, validInput({ district: '新华区' }));
    clock.advanceHours(30);
    const other = (
      await submit(ctx.app, validInput({ district: '卫东区', phone: '13912345678' }))
    ).json();
    clock.advanceHours(30);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${other.ticketNo}/events`,
      headers: bearer(admin),
      payload: { status: 'resolved', note: '已修复' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${other.ticketNo}/rating`,
      headers: ticketToken(other.accessToken),
      payload: { score: 3 },
    });
  });
  afterAll(() => ctx.destroy());

  const get = (url: string, token?: string) =>
    ctx.app.inject({ url, headers: token ? bearer(token) : {} });

  it('exports every commitment for anyone, UTF-8 with a BOM, with the report quote', async () => {
    const res = await get('/api/exports/commitments.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const table = rows(res.body.slice(1));
    expect(table[0]).toEqual([
      '编号',
      '分类',
      '标题',
      '目标',
      '当前数值',
      '完成百分比',
      '状态',
      '最近更新',
      '数据截至',
      '报告原文',
    ]);
    const total = (await get('/api/commitments?limit=1')).json().total;
    expect(table).toHaveLength(total + 1);
    const communities = table.find((r) => r[0] === 'housing-community-standardization-108')!;
    expect(communities.slice(1, 4)).toEqual(['住房与社区', '城区社区规范化建设', '108 个']);
    expect(communities[6]).toBe('未上报');
    expect(communities[9].length).toBeGreaterThan(10);
  });

  it('gives one row per request: times, due and overdue, closure, rating, the phone masked', async () => {
    const res = await get('/api/exports/tickets.csv', admin);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const table = rows(res.body.slice(1));
    expect(table[0]).toEqual([
      '诉求编号',
      '类别',
      '区县',
      '状态',
      '提交时间',
      '应办结时间',
      '是否超期',
      '首次办结时间',
      '办结时间',
      '办结次数',
      '评价',
      '联系电话',
    ]);
    expect(table).toHaveLength(3);
    expect(table[1]).toMatchObject({ 2: '新华区', 3: '已受理', 11: '138****1234' });
    expect(table[2]).toMatchObject({
      2: '卫东区',
      3: '已办结',
      9: '1',
      10: '满意',
      11: '139****5678',
    });
    expect(table[2][4]).toBe('2026-03-03 15:00');
  });

  it("gives a worker their own district's requests only, and an admin one district on request", async () => {
    const mine = rows((await get('/api/exports/tickets.csv', worker)).body.slice(1));
    expect(mine.slice(1).map((r) => r[2])).toEqual(['新华区']);
    expect((await get('/api/exports/tickets.csv?district=卫东区', worker)).statusCode).toBe(403);
    expect((await get('/api/exports/tickets.csv')).statusCode).toBe(401);
    const one = rows(
      (
        await get(`/api/exports/tickets.csv?district=${encodeURIComponent('卫东区')}`, admin)
      ).body.slice(1),
    );
    expect(one.slice(1).map((r) => r[2])).toEqual(['卫东区']);
  });

  it('takes the filing days from and to, both included, and refuses a range backwards', async () => {
    const day = async (from: string, to: string) => {
      const res = await get(`/api/exports/tickets.csv?from=${from}&to=${to}`, admin);
      return rows(res.body.slice(1)).length - 1;
    };
    expect(await day('2026-03-02', '2026-03-02')).toBe(1);
    expect(await day('2026-03-03', '2026-03-03')).toBe(1);
    expect(await day('2026-03-04', '2026-12-31')).toBe(0);
    const backwards = await get('/api/exports/tickets.csv?from=2026-03-03&to=2026-03-02', admin);
    expect(backwards.statusCode).toBe(400);
    expect((await get('/api/exports/tickets.csv?from=2026-02-30', admin)).statusCode).toBe(400);
  });

  it('reads requests a page at a time, the next page only when the last has been taken', async () => {
    for (let i = 0; i < 5; i++) await submit(ctx.app, validInput({ district: '石龙区' }));
    const pages = exportTicketPages(ctx.app.db, {
      query: { district: '石龙区', range: {} },
      pageSize: 2,
    });
    const first = await pages.next();
    expect(first.value).toHaveLength(2);
    // Filed after the first page was read: a later page still finds it, so nothing was read ahead.
    clock.advanceHours(1);
    await submit(ctx.app, validInput({ district: '石龙区' }));
    let rest = 0;
    for await (const page of pages) rest += page.length;
    expect(rest).toBe(4);
  });

  it('streams the reply: chunked, with no length known in advance', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', path: '/api/exports/tickets.csv', headers: bearer(admin) },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(headers['transfer-encoding']).toBe('chunked');
    expect(headers['content-length']).toBeUndefined();
  });
});
