import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from './database';
import type { Database } from './tables';

/** What `withAdvisoryLock` did: ran `work` (and what it answered), or left it to the process holding the lock. */
export type LockedRun<T> = { ran: true; value: T } | { ran: false };

/** Names running on each SQLite database: it has one process, so this is its lock. */
const runningOnSqlite = new WeakMap<Kysely<Database>, Set<string>>();

/**
 * Runs `work` in one process at a time, across every process sharing the database: background jobs (the hourly
 * sweeps, a sender of notifications) that must not run twice at once. Never waits: when another process (or this
 * one) holds `name`, answers `{ ran: false }` at once.
 *
 * PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on one connection kept for the length of `work`.
 * A process that dies loses its connection, and PostgreSQL releases the lock with it: no lock outlives its holder.
 * `work` uses the pool as usual (its queries run on other connections). SQLite: one process per database file,
 * so a name running in this process is the lock.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  { dialect, name }: { dialect: DatabaseDialect; name: string },
  work: () => Promise<T>,
): Promise<LockedRun<T>> {
  const key = `minsheng:${name}`;
  if (dialect === 'sqlite') {
    const running = runningOnSqlite.get(db) ?? new Set<string>();
    runningOnSqlite.set(db, running);
    if (running.has(key)) return { ran: false };
    running.add(key);
    try {
      return { ran: true, value: await work() };
    } finally {
      running.delete(key);
    }
  }
  return db.connection().execute(async (connection): Promise<LockedRun<T>> => {
    const lockKey = sql`hashtextextended(${key}, 0)`;
    const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_lock(${lockKey}) as locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      // A connection that broke meanwhile took its lock with it.
      await sql`select pg_advisory_unlock(${lockKey})`.execute(connection).catch(() => undefined);
    }
  });
}
