import { randomUUID } from 'node:crypto';
import { SESSION_TTL_MS } from '../../src/domain/credentials';
import { setStaffDisabled } from '../../server/repositories/staff';
import { manualClock, type ManualClock } from '../support/clock';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
import { createTestApp, DATABASES, type TestApp, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { uploadPhoto } from './tickets-fixtures';

jest.setTimeout(30_000);

// 城区社区规范化建设: 108 个 (exact); 鲁山机场和高速公路: no figure in the report.
const WITH_TARGET = 'housing-community-standardization-108';
const NO_TARGET = 'transport-airport-expressways';
const DAY_MS = 24 * 3600 * 1000;

const postUpdate = (app: TestApp, id: string, payload: object, headers = {}) =>
  app.inject({ method: 'POST', url: `/api/commitments/${id}/updates`, payload, headers });
const commitmentDetail = async (app: TestApp, id: string) =>
  (await app.inject({ method: 'GET', url: `/api/commitments/${id}` })).json();

describe.each(DATABASES)('progress updates on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2020-11-20T02:00:00Z');
  const { now, advance } = clock;
  let workerToken: string;
  let otherDistrictToken: string;
  let adminToken: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
    await addStaff(ctx.app, { username: 'liu', district: '汝州市', name: '刘社工' });
    await addStaff(ctx.app, { username: 'boss', role: 'admin', district: null, name: '李管理' });
    workerToken = (await login(ctx.app, 'zhang')).token;
    otherDistrictToken = (await login(ctx.app, 'liu')).token;
    adminToken = (await login(ctx.app, 'boss')).token;
  });
  afterAll(() => ctx.destroy());

  const post = (id: string, payload: object, headers: Record<string, string> = {}) =>
    postUpdate(ctx.app, id, payload, headers);
  const detail = (id: string) => commitmentDetail(ctx.app, id);
  const counts = async () => ({
    updates: Number(
      (
        await ctx.app.db
          .selectFrom('commitment_updates')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  const fields = (res: { json(): { details?: { field: string }[] } }) =>
    (res.json().details ?? []).map((d) => d.field);

  it('refuses a post without a token, with 401 and nothing written', async () => {
    const before = await counts();
    const res = await post(WITH_TARGET, { value: 10, note: '新建10个' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
    expect(await counts()).toEqual(before);
  });

  it('answers 401 before looking at the body or the commitment', async () => {
    expect((await post('no-such-commitment', { bogus: true })).statusCode).toBe(401);
  });

  it("refuses a resident's ticket token, however it is sent", async () => {
    const ticketToken = 'a'.repeat(43);
    for (const headers of [{ 'x-ticket-token': ticketToken }, bearer(ticketToken)]) {
      const res = await post(WITH_TARGET, { value: 10, note: '新建10个' }, headers);
      expect(res.statusCode).toBe(401);
    }
  });

  it('records a figure, moves the commitment at once and shows the update first with its author', async () => {
    // Later than any update posted before, whichever test posted it.
    advance(60_000);
    const res = await post(
      WITH_TARGET,
      { value: 54, note: '  新华区、卫东区 54 个社区已完成规范化建设  ' },
      bearer(workerToken),
    );
    expect(res.statusCode).toBe(201);
    const update = res.json();
    expect(update).toEqual({
      id: expect.any(String),
      commitmentId: WITH_TARGET,
      author: { name: '张网格', role: 'worker' },
      value: 54,
      percent: 50,
      note: '新华区、卫东区 54 个社区已完成规范化建设',
      photos: [],
      asOf: '2020-11-20',
      createdAt: now().toISOString(),
    });
    const after = await detail(WITH_TARGET);
    expect(after.progress).toMatchObject({ percent: 50, current: 54, asOf: '2020-11-20' });
    expect(after.updatedAt).toBe(now().toISOString());
    // 20 Nov is ~89% of the year: 50% is more than 10 points behind.
    expect(after.status).toBe('behind');
    expect(after.updates[0]).toEqual(update);
  });

  it('lets a worker of any district and an admin post: commitments are city-wide', async () => {
    advance(60_000);
    const other = await post(
      WITH_TARGET,
      { value: 100, note: '汝州市片区核实后累计 100 个' },
      bearer(otherDistrictToken),
    );
    expect(other.statusCode).toBe(201);
    advance(60_000);
    const admin = await post(
      WITH_TARGET,
      { value: 108, note: '全部完成，市里验收通过' },
      bearer(adminToken),
    );
    expect(admin.statusCode).toBe(201);
    expect(admin.json().author).toEqual({ name: '李管理', role: 'admin' });
    const after = await detail(WITH_TARGET);
    expect(after.status).toBe('done');
    expect(after.progress).toEqual({
      percent: 100,
      current: 108,
      asOf: '2020-11-20',
      reachedOn: '2020-11-20',
    });
  });

  it('keeps every update: a correction is a new one and the latest sets the progress', async () => {
    const posts = [
      [100, '汝州市片区核实后累计 100 个', otherDistrictToken],
      [108, '全部完成，市里验收通过', adminToken],
      [96, '更正：有 12 个社区验收未通过', workerToken],
    ] as const;
    for (const [value, note, token] of posts) {
      advance(60_000);
      expect((await post(WITH_TARGET, { value, note }, bearer(token))).statusCode).toBe(201);
    }
    const after = await detail(WITH_TARGET);
    expect(after.progress).toMatchObject({ percent: 88, current: 96 });
    const newest = after.updates.slice(0, 3);
    expect(newest.map((u: { value: number }) => u.value)).toEqual([96, 108, 100]);
    expect(newest.map((u: { author: { name: string } }) => u.author.name)).toEqual([
      '张网格',
      '李管理',
      '刘社工',
    ]);
  });

  it('takes a percent for a commitment without a figure, and refuses a figure for it', async () => {
    advance(60_000);
    const figure = await post(NO_TARGET, { value: 3, note: '开工3段' }, bearer(workerToken));
    expect(figure.statusCode).toBe(400);
    expect(fields(figure)).toEqual(['value']);
    const res = await post(NO_TARGET, { percent: 95, note: '机场主体完工' }, bearer(workerToken));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ value: null, percent: 95 });
    const after = await detail(NO_TARGET);
    expect(after.progress).toMatchObject({ percent: 95, current: null });
    expect(after.status).toBe('on_track');
  });

  it('clears the figure when a bare percent follows it, so the card never shows a stale figure', async () => {
    advance(60_000);
    const res = await post(WITH_TARGET, { percent: 92, note: '按进度估算' }, bearer(workerToken));
    expect(res.statusCode).toBe(201);
    expect((await detail(WITH_TARGET)).progress).toMatchObject({ percent: 92, current: null });
  });

  it.each([
    ['both a figure and a percent', { value: 1, percent: 1, note: '两个都填' }, ['percent']],
    ['neither a figure nor a percent', { note: '都没填写' }, ['value']],
    ['a percent over 100', { percent: 101, note: '超过了' }, ['percent']],
    ['a negative percent', { percent: -1, note: '负数' }, ['percent']],
    ['a fractional percent', { percent: 50.5, note: '小数' }, ['percent']],
    ['a percent that is not a number', { percent: 'half', note: '文字' }, ['percent']],
    ['a negative figure', { value: -3, note: '负数' }, ['value']],
    ['a one-character note', { value: 3, note: ' 好 ' }, ['note']],
    ['a note of 501 characters', { value: 3, note: '进'.repeat(501) }, ['note']],
    ['a missing note', { value: 3 }, ['note']],
    ['four photos', { value: 3, note: '四张照片', photos: ['a', 'b', 'c', 'd'] }, ['photos']],
    [
      'a photo that was never uploaded',
      { value: 3, note: '外链照片', photos: ['https://example.com/x.jpg'] },
      ['photos'],
    ],
    [
      'an upload URL the server never made',
      { value: 3, note: '伪造照片', photos: [`/api/uploads/${'0'.repeat(32)}.png`] },
      ['photos'],
    ],
    ['an unknown field', { value: 3, note: '多余字段', author: '别人' }, ['author']],
    ['a figure dated tomorrow', { value: 3, note: '明天的数', asOf: '2020-11-21' }, ['asOf']],
    ['a figure dated before 2020', { value: 3, note: '去年的数', asOf: '2019-12-31' }, ['asOf']],
    ['a date that is no day', { value: 3, note: '没有这天', asOf: '2020-02-30' }, ['asOf']],
  ])(
    'refuses %s with 400, the field named, and writes nothing',
    async (_name, payload, expected) => {
      const before = await detail(WITH_TARGET);
      const count = await counts();
      const res = await post(WITH_TARGET, payload, bearer(workerToken));
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(fields(res)).toEqual(expected);
      expect(await counts()).toEqual(count);
      expect(await detail(WITH_TARGET)).toEqual(before);
    },
  );

  it('answers 404 for an unknown commitment', async () => {
    const res = await post(
      'no-such-commitment',
      { percent: 5, note: '不存在' },
      bearer(workerToken),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('accepts photos uploaded through POST /api/uploads', async () => {
    const upload = await ctx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      ...multipart(IMAGES.png, { filename: 'a.png', contentType: 'image/png' }),
    });
    expect(upload.statusCode).toBe(201);
    const { url } = upload.json();
    advance(60_000);
    const res = await post(
      WITH_TARGET,
      { value: 100, note: '附现场照片', photos: [url] },
      bearer(workerToken),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().photos).toEqual([url]);
    expect((await detail(WITH_TARGET)).updates[0].photos).toEqual([url]);
  });

  it('refuses the same photo twice, and a refusal leaves its good photos unused', async () => {
    const url = await uploadPhoto(ctx.app);
    const name = url.split('/').pop()!;
    const attachedAt = async () =>
      (
        await ctx.app.db
          .selectFrom('uploads')
          .select('attached_at')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).attached_at;
    const twice = await post(
      WITH_TARGET,
      { value: 3, note: '重复照片', photos: [url, url] },
      bearer(workerToken),
    );
    expect(twice.statusCode).toBe(400);
    expect(fields(twice)).toEqual(['photos']);

    // A well-formed name the server never made: refused after the first photo was marked used.
    const forged = `/api/uploads/${'f'.repeat(32)}.png`;
    const res = await post(
      WITH_TARGET,
      { value: 3, note: '一真一假', photos: [url, forged] },
      bearer(workerToken),
    );
    expect(res.statusCode).toBe(400);
    expect(await attachedAt()).toBeNull();
  });

  it('publishes a post resent with its Idempotency-Key once, and answers the copy with the first update', async () => {
    const key = randomUUID();
    const headers = { ...bearer(workerToken), 'idempotency-key': key };
    const payload = { percent: 60, note: '超时后重发的同一条进展' };
    const before = await counts();
    const first = await post(NO_TARGET, payload, headers);
    expect(first.statusCode).toBe(201);
    advance(30_000);
    const again = await post(NO_TARGET, payload, {
      ...headers,
      'idempotency-key': key.toUpperCase(),
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await counts()).toEqual({ updates: before.updates + 1 });
    expect(
      (await detail(NO_TARGET)).updates.filter((u: { note: string }) => u.note === payload.note),
    ).toHaveLength(1);
  });

  it('files concurrent copies of one post once', async () => {
    const headers = { ...bearer(workerToken), 'idempotency-key': randomUUID() };
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(NO_TARGET, { percent: 61, note: '并发的同一条进展' }, headers),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await counts()).toEqual({ updates: before.updates + 1 });
  });

  it('refuses the key with another body (422), a malformed key (400), and keeps keys per worker', async () => {
    const key = randomUUID();
    const mine = { ...bearer(workerToken), 'idempotency-key': key };
    expect((await post(NO_TARGET, { percent: 62, note: '第一次' }, mine)).statusCode).toBe(201);
    const before = await counts();
    const changed = await post(NO_TARGET, { percent: 63, note: '第一次' }, mine);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency_key_reused');
    const malformed = await post(
      NO_TARGET,
      { percent: 63, note: '坏的键' },
      { ...mine, 'idempotency-key': 'abc' },
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_idempotency_key');
    expect(await counts()).toEqual(before);
    // Another worker who happens to send the same key posts their own update.
    const theirs = await post(
      NO_TARGET,
      { percent: 63, note: '第一次' },
      { ...bearer(adminToken), 'idempotency-key': key },
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps the card on the newest update when an older one commits last', async () => {
    advance(60_000);
    const newest = await post(NO_TARGET, { percent: 64, note: '最新的进展' }, bearer(workerToken));
    expect(newest.statusCode).toBe(201);
    const before = await detail(NO_TARGET);
    // A post that read the clock an hour earlier but reaches the database only now.
    advance(-3600 * 1000);
    const res = await post(NO_TARGET, { percent: 10, note: '迟到的旧进展' }, bearer(workerToken));
    expect(res.statusCode).toBe(201);
    const after = await detail(NO_TARGET);
    expect(after.progress).toEqual(before.progress);
    expect(after.updates[0].note).toBe(before.updates[0].note);
    expect(after.updates.map((u: { note: string }) => u.note)).toContain('迟到的旧进展');
    advance(3600 * 1000);
  });
});

// Tests that move the clock by days: an app of their own each, so that no other test sees their sessions expire.
describe.each(DATABASES)('progress updates over days on %s', (dialect) => {
  let ctx: TestContext;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = manualClock('2020-11-20T02:00:00Z');
    ctx = await createTestApp(dialect, { now: clock.now });
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
  });
  afterEach(() => ctx.destroy());

  const post = async (id: string, payload: object) => {
    const { token } = await login(ctx.app, 'zhang');
    return postUpdate(ctx.app, id, payload, bearer(token));
  };

  it('counts updated commitments in the public figures for 7 days', async () => {
    const moved = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/api/stats' })).json().commitments
        .movedLast7Days;
    expect((await post(WITH_TARGET, { value: 54, note: '54 个社区已完成' })).statusCode).toBe(201);
    expect((await post(NO_TARGET, { percent: 95, note: '机场主体完工' })).statusCode).toBe(201);
    expect(await moved()).toBe(2);
    clock.advance(8 * DAY_MS);
    expect(await moved()).toBe(0);
    const res = await post(NO_TARGET, { percent: 96, note: '航站楼完工' });
    expect(res.statusCode).toBe(201);
    expect(await moved()).toBe(1);
  });

  it('refuses expired, revoked and disabled accounts’ tokens', async () => {
    const expired = (await login(ctx.app, 'zhang')).token;
    clock.advance(SESSION_TTL_MS + 60_000);
    const revoked = (await login(ctx.app, 'zhang')).token;
    await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(revoked) });
    await addStaff(ctx.app, { username: 'qian', district: '郏县' });
    const disabled = (await login(ctx.app, 'qian')).token;
    await setStaffDisabled(ctx.app.db, { username: 'qian', disabled: true, now: clock.now() });
    const before = await commitmentDetail(ctx.app, NO_TARGET);
    for (const token of [expired, revoked, disabled]) {
      const res = await postUpdate(
        ctx.app,
        NO_TARGET,
        { percent: 97, note: '不应写入' },
        bearer(token),
      );
      expect(res.statusCode).toBe(401);
    }
    expect(await commitmentDetail(ctx.app, NO_TARGET)).toEqual(before);
  });
});
