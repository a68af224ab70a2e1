import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables';

/** The database's clock in milliseconds: one clock for every process, whatever their machines' say. */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * PostgreSQL: counts one request of `key` (a route and a client) in its window, opening a new window of `windowMs`
 * when the last one is over, and answers the count and the milliseconds left. One statement (an upsert on the key),
 * so that processes counting at once never lose a request.
 */
export async function countRequest(
  db: Kysely<Database>,
  { key, windowMs }: { key: string; windowMs: number },
): Promise<{ count: number; ttlMs: number }> {
  const { rows } = await sql<{ count: number; ttl_ms: number }>`
    with clock as (select ${NOW_MS} as now_ms)
    insert into rate_limits as r (key, count, resets_at)
    select ${key}, 1, now_ms + ${windowMs} from clock
    on conflict (key) do update set
      count = case when r.resets_at <= (select now_ms from clock) then 1 else r.count + 1 end,
      resets_at = case when r.resets_at <= (select now_ms from clock)
        then excluded.resets_at else r.resets_at end
    returning count, resets_at - (select now_ms from clock) as ttl_ms`.execute(db);
  const row = rows[0];
  return { count: Number(row.count), ttlMs: Math.max(0, Number(row.ttl_ms)) };
}

/** Forgets counters whose window is over: they would start again from 1 anyway. */
export async function deleteExpiredRateLimits(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<', NOW_MS).execute();
}
