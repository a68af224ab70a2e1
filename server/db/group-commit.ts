import { sql, type Kysely, type Transaction } from 'kysely';
import { inBatches, type Settled } from './batches';
import type { Database } from './tables';

/** What runs inside a transaction. */
export type TransactionWork<T> = (trx: Transaction<Database>) => Promise<T>;

/** At most this many transactions share one commit. */
const MAX_GROUP = 256;

/**
 * Group commit for SQLite (decision 012). better-sqlite3 has one connection and commits synchronously, so each
 * transaction's commit (an fsync with synchronous=FULL) used to block the whole server once per request. Here the
 * transactions asked for while the event loop was busy (`inBatches`) run one after another inside one database
 * transaction, each in a savepoint of its own, and share one commit:
 *
 * - each is isolated as before: a transaction that throws (a refusal, a lost race) is rolled back to its savepoint
 *   and the others go on;
 * - none is answered before the commit: its caller's promise settles only once the shared commit has returned,
 *   so a 201 still means on disk; a commit that fails fails every transaction of the group.
 */
function groupCommit(db: Kysely<Database>) {
  return inBatches<TransactionWork<unknown>, unknown>(
    async (group) => {
      try {
        return await db.transaction().execute(async (trx) => {
          const done: Settled<unknown>[] = [];
          for (const work of group) done.push(await inSavepoint(trx, work));
          return done;
        });
      } catch (error) {
        // Nothing of this group is on disk.
        return group.map(() => ({ ok: false, error }) as const);
      }
    },
    { max: MAX_GROUP },
  );
}

/** Runs one transaction's work in a savepoint: kept when it returns, rolled back when it throws. */
async function inSavepoint(
  trx: Transaction<Database>,
  work: TransactionWork<unknown>,
): Promise<Settled<unknown>> {
  await sql`savepoint one_of_group`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release one_of_group`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    // A failure here aborts the group's transaction: every transaction of the group then fails.
    await sql`rollback to one_of_group`.execute(trx);
    await sql`release one_of_group`.execute(trx);
    return { ok: false, error };
  }
}

const groups = new WeakMap<Kysely<Database>, ReturnType<typeof groupCommit>>();

/** Makes every `runTransaction` on this database (SQLite's) share commits. */
export function enableGroupCommit(db: Kysely<Database>): void {
  groups.set(db, groupCommit(db));
}

/**
 * Runs `work` in a transaction and settles once it is committed: on SQLite in a group commit, on PostgreSQL in a
 * transaction of its own on one of the pool's connections (PostgreSQL groups the commits of concurrent
 * transactions into one WAL flush by itself).
 */
export function runTransaction<T>(db: Kysely<Database>, work: TransactionWork<T>): Promise<T> {
  const group = groups.get(db);
  return group ? (group(work) as Promise<T>) : db.transaction().execute(work);
}
