import fs from 'node:fs';
import type { CommitmentSource } from '../../src/domain/commitment';
import { DATASET_PATH } from '../../server/plugins/app/database';
import { createTestApp, DATABASES, appOnSameData, type TestContext } from '../support/test-app';

// Two starts of the app on one database, migrations and all: seconds on a busy machine.
jest.setTimeout(30_000);

const dataset = JSON.parse(fs.readFileSync(DATASET_PATH, 'utf8')) as CommitmentSource[];
const NOW = new Date('2020-07-02T00:00:00+08:00');

describe.each(DATABASES)('commitments API on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: () => NOW });
  });
  afterAll(() => ctx.destroy());

  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  it('lists the first 20 commitments with the total and a cursor to the next page', async () => {
    const res = await get('/api/commitments');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(dataset.length);
    expect(body.items).toHaveLength(20);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.items[0]).toEqual({
      id: dataset[0].id,
      category: dataset[0].category,
      title: dataset[0].title,
      quote: dataset[0].quote,
      section: dataset[0].section,
      target: dataset[0].target,
      baseline2019: dataset[0].baseline2019,
      deadline: dataset[0].deadline,
      progress: { percent: 0, current: null, asOf: null, reachedOn: null },
      status: 'not_started',
      updatedAt: null,
    });
  });

  it('walks every page with the cursor and sees each commitment once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/commitments?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(dataset.map((c) => c.id));
  });

  it('filters by category', async () => {
    const res = await get('/api/commitments?category=education&limit=50');
    const body = res.json();
    const expected = dataset.filter((c) => c.category === 'education').map((c) => c.id);
    expect(body.total).toBe(expected.length);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual(expected);
  });

  it('searches title and quote', async () => {
    const res = await get(`/api/commitments?q=${encodeURIComponent('幼儿园')}`);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) expect(`${item.title}${item.quote}`).toContain('幼儿园');
  });

  it('searches regardless of letter case', async () => {
    const res = await get('/api/commitments?q=gdp');
    expect(res.json().items.map((c: { title: string }) => c.title)).toContain('单位GDP能耗下降');
  });

  it('refuses a NUL character in the query or the path with validation_failed', async () => {
    for (const url of ['/api/commitments?q=%00', '/api/commitments/edu%00']) {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('treats % and _ in a search as plain characters', async () => {
    const res = await get(`/api/commitments?q=${encodeURIComponent('%_%')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('filters on the derived status', async () => {
    const notStarted = await get('/api/commitments?status=not_started&limit=50');
    expect(notStarted.json().total).toBe(dataset.length);
    const done = await get('/api/commitments?status=done');
    expect(done.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=abc', 'limit'],
    ['category=space', 'category'],
    ['status=finished', 'status'],
    ['cursor=-1', 'cursor'],
    ['unknown=1', 'unknown'],
  ])('refuses ?%s with a 400 naming the parameter', async (query, field) => {
    const res = await get(`/api/commitments?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.any(String),
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  it('sends an ETag and answers 304 when the list has not changed', async () => {
    const first = await get('/api/commitments?category=health');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get('/api/commitments?category=health', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('returns one commitment with its (empty) updates', async () => {
    const kindergartens = dataset.find((c) => c.quote.includes('新建改扩建幼儿园11所'))!;
    const res = await get(`/api/commitments/${kindergartens.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: kindergartens.id,
      quote: kindergartens.quote,
      target: { value: 11, unit: '所' },
      updates: [],
    });
  });

  it('answers an unknown commitment with a 404 envelope', async () => {
    const res = await get('/api/commitments/no-such-commitment');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: expect.any(String) });
  });

  it('serves the lists the app needs in /api/meta', async () => {
    const res = await get('/api/meta');
    expect(res.statusCode).toBe(200);
    const meta = res.json();
    expect(meta.districts).toHaveLength(12);
    expect(meta.districts).toContain('城乡一体化示范区');
    expect(meta.commitmentCategories).toContainEqual({ code: 'education', name: '教育' });
    expect(meta.ticketCategories[0]).toEqual({
      code: expect.any(String),
      name: expect.any(String),
      hint: expect.any(String),
      dueDays: expect.any(Number),
    });
  });

  it('has /api/meta revalidated each time, answering 304 while it is unchanged', async () => {
    const first = await get('/api/meta');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/api/meta', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('counts commitments by status overall and by category in /api/stats', async () => {
    const res = await get('/api/stats');
    expect(res.statusCode).toBe(200);
    const { commitments, asOf } = res.json();
    expect(asOf).toBe(NOW.toISOString());
    expect(commitments.total).toBe(dataset.length);
    expect(commitments.counts).toEqual({
      not_started: dataset.length,
      on_track: 0,
      behind: 0,
      done: 0,
      done_on_time: 0,
      done_late: 0,
      unfinished: 0,
      unreported: 0,
    });
    const education = commitments.byCategory.find(
      (c: { category: string }) => c.category === 'education',
    );
    expect(education.total).toBe(dataset.filter((c) => c.category === 'education').length);
  });
});

describe.each(DATABASES)('loading the dataset on %s', (dialect) => {
  it('never duplicates commitments nor overwrites recorded progress on restart', async () => {
    const ctx = await createTestApp(dialect);
    const id = dataset[0].id;
    await ctx.app.db
      .updateTable('commitments')
      .set({ progress_percent: 40, current_value: 4, updated_at: '2020-05-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    await ctx.close();

    // A second start on the same data, as after a restart.
    const again = await appOnSameData(ctx);
    try {
      const { count } = await again.db
        .selectFrom('commitments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(dataset.length);
      const row = await again.db
        .selectFrom('commitments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        progress_percent: 40,
        current_value: 4,
        title: dataset[0].title,
      });
    } finally {
      await again.close();
      await ctx.destroy();
    }
  });
});
