import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { manualClock } from '../support/clock';
import {
  createTestApp,
  DATABASES,
  appOnSameData,
  type TestApp,
  type TestContext,
} from '../support/test-app';
import { getOverHttp } from '../support/http-get';
import { addStaff, bearer, login } from './auth-fixtures';

jest.setTimeout(30_000);

// 城区社区规范化建设: 108 个, by 2020-12-31.
const ID = 'housing-community-standardization-108';
const LIST = '/api/commitments?category=housing&limit=50';

const statusIn = (res: { json(): { items: Array<{ id: string; status: string }> } }) =>
  res.json().items.find((c) => c.id === ID)?.status;

/**
 * Two ways in: Fastify's routes (`inject`), and a real connection, where a reply kept from an earlier request is sent
 * again by the front door (server/front-door.ts) and must be dropped exactly when the route's answer would change.
 */
const WAYS_IN = [
  [
    'Fastify',
    (app: TestApp, url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers }),
  ],
  ['the front door', getOverHttp],
] as const;

describe.each(WAYS_IN)('answered through %s', (_way, get) => {
  /** The list and the detail are kept as sent and dropped when a write or the clock changes them (decision 012). */
  describe.each(DATABASES)('the commitments kept in memory on %s', (dialect) => {
    let ctx: TestContext;
    const clock = manualClock('2020-11-20T02:00:00Z');
    let token: string;

    beforeAll(async () => {
      ctx = await createTestApp(dialect, { now: clock.now });
      await addStaff(ctx.app, { username: 'zhang' });
      token = (await login(ctx.app, 'zhang')).token;
    });
    afterAll(() => ctx.destroy());

    const post = (payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/commitments/${ID}/updates`,
        payload,
        headers: bearer(token),
      });

    it('answers 304 to the ETag it sent, for the list and for one commitment, and 200 to another', async () => {
      for (const url of [LIST, `/api/commitments/${ID}`]) {
        const first = await get(ctx.app, url);
        expect(first.statusCode).toBe(200);
        const etag = first.headers.etag as string;
        expect(etag).toMatch(/^W\/".+"$/);
        const again = await get(ctx.app, url, { 'if-none-match': etag });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
        const stale = await get(ctx.app, url, { 'if-none-match': 'W/"something-else"' });
        expect(stale.statusCode).toBe(200);
        expect(stale.body).toBe(first.body);
      }
      const other = await get(ctx.app, '/api/commitments?category=health');
      expect(other.headers.etag).not.toBe((await get(ctx.app, LIST)).headers.etag);
    });

    it('sends what it kept byte for byte, with its content type, and 404 for an unknown commitment', async () => {
      const first = await get(ctx.app, `/api/commitments/${ID}`);
      const second = await get(ctx.app, `/api/commitments/${ID}`);
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(second.headers['cache-control']).toBe('no-cache');
      expect(second.json()).toMatchObject({ id: ID, updates: expect.any(Array) });
      const unknown = await get(ctx.app, '/api/commitments/no-such-promise');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'not_found' });
    });

    it('compresses the list for a client that takes brotli or gzip: the same JSON, the same ETag', async () => {
      const plain = await get(ctx.app, LIST);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const [accept, encoding, inflate] of [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
        ['br;q=0, gzip', 'gzip', gunzipSync],
      ] as const) {
        const res = await get(ctx.app, LIST, { 'accept-encoding': accept });
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toMatch(/accept-encoding/i);
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(inflate(res.rawPayload).toString()).toBe(plain.body);
      }
      const identity = await get(ctx.app, LIST, { 'accept-encoding': 'identity' });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body).toBe(plain.body);
    });

    it('answers a progress update at once, in the list and in the detail, with new ETags', async () => {
      const list = await get(ctx.app, LIST);
      const detail = await get(ctx.app, `/api/commitments/${ID}`);
      expect(
        list.json().items.find((c: { id: string }) => c.id === ID).progress.current,
      ).toBeNull();

      expect((await post({ value: 54, note: '完成一半' })).statusCode).toBe(201);

      const listAfter = await get(ctx.app, LIST, { 'if-none-match': list.headers.etag as string });
      expect(listAfter.statusCode).toBe(200);
      const item = listAfter.json().items.find((c: { id: string }) => c.id === ID);
      expect(item.progress).toMatchObject({ current: 54, percent: 50 });
      const detailAfter = await get(ctx.app, `/api/commitments/${ID}`, {
        'if-none-match': detail.headers.etag as string,
      });
      expect(detailAfter.statusCode).toBe(200);
      expect(detailAfter.json().updates[0]).toMatchObject({ value: 54, note: '完成一半' });
    });

    it('answers a write that no route made (a script, another tool) as well', async () => {
      await get(ctx.app, LIST);
      await ctx.app.db
        .updateTable('commitments')
        .set({ title: '城区社区规范化建设（改）' })
        .where('id', '=', ID)
        .execute();
      // PostgreSQL tells this process when the write commits: a moment later.
      await eventually(async () => {
        const item = (await get(ctx.app, LIST))
          .json()
          .items.find((c: { id: string }) => c.id === ID);
        expect(item.title).toBe('城区社区规范化建设（改）');
      });
    });

    it('never keeps a status past the moment it changes: 滞后 and, after midnight, the verdict', async () => {
      // 54 of 108 on 2020-11-20: behind the share of the year, by more than the margin.
      expect(statusIn(await get(ctx.app, LIST))).toBe('behind');
      clock.set('2020-12-31T15:59:59.999Z'); // the last moment of the deadline day in Beijing
      expect(statusIn(await get(ctx.app, LIST))).toBe('behind');
      const detail = await get(ctx.app, `/api/commitments/${ID}`);
      expect(detail.json().status).toBe('behind');
      clock.advance(1); // midnight in Beijing: the deadline has passed
      expect(statusIn(await get(ctx.app, LIST))).toBe('unfinished');
      const after = await get(ctx.app, `/api/commitments/${ID}`, {
        'if-none-match': detail.headers.etag as string,
      });
      expect(after.statusCode).toBe(200);
      expect(after.json().status).toBe('unfinished');
      // A clock moved back (a test, a corrected server clock) gets that moment's status, not the kept one.
      clock.set('2020-12-31T15:59:59.999Z');
      expect(statusIn(await get(ctx.app, LIST))).toBe('behind');
      clock.set('2020-11-20T02:00:00Z');
    });

    it('lets a promise fall behind at its moment, with no write in between', async () => {
      await ctx.app.db
        .updateTable('commitments')
        .set({ progress_percent: 40, current_value: 43 })
        .where('id', '=', ID)
        .execute();
      // 40% is on track while no more than half of the year is gone (a margin of 10 points).
      clock.set('2020-06-01T00:00:00+08:00');
      await eventually(async () => expect(statusIn(await get(ctx.app, LIST))).toBe('on_track'));
      clock.set('2020-07-20T00:00:00+08:00');
      expect(statusIn(await get(ctx.app, LIST))).toBe('behind');
    });
  });

  /** Several processes on one PostgreSQL: each keeps its own, and each is told of the others' writes. */
  (DATABASES.includes('postgres') ? describe : describe.skip)(
    'two processes on one PostgreSQL',
    () => {
      let first: TestContext;
      let second: TestApp;

      beforeAll(async () => {
        first = await createTestApp('postgres');
        second = await appOnSameData(first);
      });
      afterAll(async () => {
        await second.close();
        await first.destroy();
      });

      const titleIn = async (app: TestApp) =>
        (await get(app, LIST)).json().items.find((c: { id: string }) => c.id === ID).title;
      const rename = (app: TestApp, title: string) =>
        app.db.updateTable('commitments').set({ title }).where('id', '=', ID).execute();

      it('drops what one process kept when another writes', async () => {
        const before = await titleIn(first.app);
        expect(await titleIn(second)).toBe(before);
        await rename(second, '另一个进程改的');
        await eventually(async () => expect(await titleIn(first.app)).toBe('另一个进程改的'));
      });

      it('keeps nothing while its listening connection is down, and listens again', async () => {
        await titleIn(first.app);
        // The listening connections of both processes go, as when the database restarts.
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query like 'listen %'`.execute(second.db);
        await eventually(async () => expect(first.app.commitmentChanges.reliable).toBe(false));
        await rename(second, '没人听的时候改的');
        // A write nobody was told of is read at once.
        expect(await titleIn(first.app)).toBe('没人听的时候改的');
        await eventually(
          async () => expect(first.app.commitmentChanges.reliable).toBe(true),
          15_000,
        );
        await rename(second, '又在听了');
        await eventually(async () => expect(await titleIn(first.app)).toBe('又在听了'));
      });
    },
  );
});

/** Retries `check` for up to 3 s: for what PostgreSQL tells another connection when a write commits. */
async function eventually(check: () => Promise<void>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
