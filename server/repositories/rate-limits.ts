import { sql, type Kysely } from 'kysely';
import { allAnswered, batchedPer } from '../db/batches';
import type { Database } from '../db/tables';

/** The database's clock in milliseconds: one clock for every process, whatever their machines' say. */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

interface Ask {
  key: string;
  windowMs: number;
}

/**
 * PostgreSQL: counts one request of `key` (a route and a client) in its window, opening a new window of `windowMs`
 * when the last one is over, and answers the count and the milliseconds left. Requests that ask together are counted
 * in one statement (an upsert of their keys, each by how many asked): processes counting at once never lose a
 * request, and a burst costs one round trip rather than one a request.
 */
export const countRequest: (
  db: Kysely<Database>,
  ask: Ask,
) => Promise<{ count: number; ttlMs: number }> = batchedPer(
  async (db: Kysely<Database>, asks: Ask[]) => {
    const asked = new Map<string, Ask & { n: number }>();
    for (const ask of asks) {
      const seen = asked.get(ask.key);
      if (seen) seen.n += 1;
      else asked.set(ask.key, { ...ask, n: 1 });
    }
    // In the keys' order, so that two processes counting the same keys lock them in the same order.
    const rows = [...asked.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    const { rows: counted } = await sql<{ key: string; count: number; ttl_ms: number }>`
      with clock as (select ${NOW_MS} as now_ms)
      insert into rate_limits as r (key, count, resets_at)
      select asked.key, asked.n, clock.now_ms + asked.window_ms
      from (values ${sql.join(rows.map((a) => sql`(${a.key}, ${a.n}::integer, ${a.windowMs}::bigint)`))})
        as asked (key, n, window_ms), clock
      order by asked.key
      on conflict (key) do update set
        count = case when r.resets_at <= (select now_ms from clock)
          then excluded.count else r.count + excluded.count end,
        resets_at = case when r.resets_at <= (select now_ms from clock)
          then excluded.resets_at else r.resets_at end
      returning key, count, resets_at - (select now_ms from clock) as ttl_ms`.execute(db);
    const byKey = new Map(counted.map((row) => [row.key, row]));
    // The requests of one key take its last n counts, in the order they asked.
    const taken = new Map<string, number>();
    return allAnswered(
      asks.map(({ key }) => {
        const row = byKey.get(key)!;
        const before = taken.get(key) ?? 0;
        taken.set(key, before + 1);
        return {
          count: Number(row.count) - asked.get(key)!.n + before + 1,
          ttlMs: Math.max(0, Number(row.ttl_ms)),
        };
      }),
    );
  },
  { max: 256 },
);

/** Forgets counters whose window is over: they would start again from 1 anyway. */
export async function deleteExpiredRateLimits(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<', NOW_MS).execute();
}
