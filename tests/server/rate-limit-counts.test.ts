import { countRequest } from '../../server/repositories/rate-limits';
import { createTestApp, appOnSameData, type TestApp, type TestContext } from '../support/test-app';

/**
 * The shared rate limit's counter on PostgreSQL (one table for every process): requests that ask at the same moment
 * are counted in one statement, and still each gets a count of its own, none lost and none twice.
 */
(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'rate limit counts on PostgreSQL',
  () => {
    let ctx: TestContext;
    let two: TestApp;
    beforeAll(async () => {
      ctx = await createTestApp('postgres');
      two = await appOnSameData(ctx);
    });
    afterAll(async () => {
      await two.close();
      await ctx.destroy();
    });

    const count = (app: TestApp, key: string, windowMs = 60_000) =>
      countRequest(app.db, { key, windowMs });

    it('gives requests asked together in two processes the counts 1 to n, once each', async () => {
      const asked = [ctx.app, two, ctx.app, two, ctx.app, ctx.app, two, two, ctx.app, two].map(
        (app) => count(app, 'burst'),
      );
      const other = count(two, 'another client');
      const counts = (await Promise.all(asked)).map((c) => c.count);
      expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await other).count).toBe(1);
      expect((await count(ctx.app, 'burst')).count).toBe(11);
    });

    it('opens a new window, counted from 1, once the last is over', async () => {
      const first = await Promise.all([count(ctx.app, 'short', 50), count(ctx.app, 'short', 50)]);
      expect(first.map((c) => c.count)).toEqual([1, 2]);
      expect(first[0].ttlMs).toBeLessThanOrEqual(50);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const next = await Promise.all([count(ctx.app, 'short', 50), count(ctx.app, 'short', 50)]);
      expect(next.map((c) => c.count)).toEqual([1, 2]);
      expect(next[0].ttlMs).toBeGreaterThan(0);
    });
  },
);
