import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { manualClock } from '../support/clock';
import { addStaff, bearer, login } from './auth-fixtures';

jest.setTimeout(30_000);

// 城区社区规范化建设: 108 个. 普惠学前教育扩容: no figure, a percent only.
const COMMUNITIES = 'housing-community-standardization-108';
const PRESCHOOL = 'edu-preschool-expansion';

const HEADER = 'id,value,percent,note,date';
const GOOD = [
  HEADER,
  `${COMMUNITIES},60,,新华区、卫东区完成验收,2020/11/30`,
  `${PRESCHOOL},,75%,"新增学位 3,000 个",2020-11-30`,
].join('\r\n');

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

describe.each(DATABASES)('progress imported from a spreadsheet on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2020-12-20T02:00:00Z');
  let admin: string;
  let worker: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, {
      username: 'city',
      role: 'admin',
      district: null,
      name: '市级管理员',
    });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区' });
    admin = (await login(ctx.app, 'city')).token;
    worker = (await login(ctx.app, 'zhang')).token;
  });
  afterAll(() => ctx.destroy());

  const send = (
    body: Buffer,
    { dryRun = false, token = admin, key = randomUUID() as string | null, type = 'text/csv' } = {},
  ) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/progress-imports${dryRun ? '?dryRun=1' : ''}`,
      headers: {
        ...bearer(token),
        'content-type': type,
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      payload: body,
    });
  const updates = async () => {
    const { n } = await ctx.app.db
      .selectFrom('commitment_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  const detail = async (id: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/commitments/${id}` })).json();

  it.each([
    ['UTF-8', utf8],
    ['UTF-8 with a BOM', withBom],
    ['GB18030', gb18030],
  ])('reads a file saved as %s, and a dry run writes nothing', async (_, encode) => {
    const before = await updates();
    const res = await send(encode(GOOD), { dryRun: true, key: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 2, valid: 2, errors: [] });
    expect(await updates()).toBe(before);
  });

  it('reports every wrong cell by spreadsheet row and column, in Chinese', async () => {
    const bad = [
      HEADER,
      `${COMMUNITIES},60,,ok,2020-11-30`,
      'no-such-commitment,1,,x,',
      `${PRESCHOOL},3,,有数,2020-11-30`,
      `${COMMUNITIES},,,缺数,2021-01-01`,
      ',,,,',
      `${COMMUNITIES},abc,,,2019-12-31`,
    ].join('\n');
    const res = await send(gb18030(bad), { dryRun: true });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 5, valid: 1 });
    expect(report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(
      ['3:id', '4:value', '5:value', '5:date', '7:value', '7:date'],
    );
    expect(report.errors[0].message).toBe('没有这个编号的民生实事');
  });

  it('applies all rows or none: any error is a 422 with the same report, and nothing is written', async () => {
    const before = await updates();
    const mixed = `${GOOD}\r\n${COMMUNITIES},,,,2020-11-30`;
    const res = await send(utf8(mixed));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      rows: 3,
      valid: 2,
      errors: [{ row: 4, field: 'value' }],
    });
    expect(await updates()).toBe(before);
    expect((await detail(COMMUNITIES)).progress.current).toBeNull();
  });

  it('makes each row an ordinary update by the admin, noted 批量导入, and moves the card', async () => {
    const key = randomUUID();
    const res = await send(withBom(GOOD), { key });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ rows: 2, valid: 2, errors: [], imported: 2 });
    const communities = await detail(COMMUNITIES);
    expect(communities.progress).toMatchObject({ current: 60, asOf: '2020-11-30' });
    expect(communities.updates[0]).toMatchObject({
      author: { name: '市级管理员', role: 'admin' },
      note: '批量导入：新华区、卫东区完成验收',
      asOf: '2020-11-30',
      value: 60,
    });
    expect((await detail(PRESCHOOL)).updates[0]).toMatchObject({
      percent: 75,
      note: '批量导入：新增学位 3,000 个',
    });

    // The same file under the same key: the first answer again, nothing more written.
    const count = await updates();
    const again = await send(withBom(GOOD), { key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(res.json());
    expect(await updates()).toBe(count);
    // Another file under that key is refused.
    const other = await send(utf8(`${HEADER}\r\n${PRESCHOOL},,80,,`), { key });
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await updates()).toBe(count);
  });

  it('dates a row without a date today, and a later row of the same day wins', async () => {
    const file = `${HEADER}\r\n${PRESCHOOL},,80,,\r\n${PRESCHOOL},,85,复核,\r\n`;
    expect((await send(utf8(file))).statusCode).toBe(201);
    const preschool = await detail(PRESCHOOL);
    expect(preschool.progress).toMatchObject({ percent: 85, asOf: '2020-12-20' });
    expect(preschool.updates[1].note).toBe('批量导入');
  });

  it('is for admins only: a worker gets 403, a stranger 401, before any check of the file', async () => {
    expect((await send(utf8(GOOD), { token: worker, dryRun: true })).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/progress-imports?dryRun=1',
      headers: { 'content-type': 'text/csv' },
      payload: GOOD,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes text/csv of at most 1 MB, and asks for a key unless it is a dry run', async () => {
    const json = await send(utf8(JSON.stringify({ csv: GOOD })), { type: 'application/json' });
    expect(json.statusCode).toBe(415);
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const tooBig = await send(big, { dryRun: true });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('payload_too_large');
    const keyless = await send(utf8(GOOD), { key: null });
    expect(keyless.statusCode).toBe(400);
    expect(keyless.json().code).toBe('invalid_idempotency_key');
  });

  it('says which row a broken file stops at, and asks for the header', async () => {
    const broken = await send(utf8(`${HEADER}\n${PRESCHOOL},,"80,\n`), { dryRun: true });
    expect(broken.json()).toMatchObject({ rows: 0, errors: [{ field: 'file' }] });
    const headless = await send(utf8(`${PRESCHOOL},,80,,`), { dryRun: true });
    expect(headless.json()).toMatchObject({ errors: [{ row: 1, field: 'header' }] });
  });

  it('offers a template with every commitment, its id and title', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/progress-imports/template.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,title,target,value,percent,note,date');
    const total = (await ctx.app.inject({ method: 'GET', url: '/api/commitments?limit=1' })).json()
      .total;
    expect(lines).toHaveLength(total + 1);
    expect(lines.some((line) => line.startsWith(`${COMMUNITIES},城区社区规范化建设`))).toBe(true);
  });
});
