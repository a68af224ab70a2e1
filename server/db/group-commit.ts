import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables';

/** What runs inside a transaction. */
export type TransactionWork<T> = (trx: Transaction<Database>) => Promise<T>;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: TransactionWork<unknown>;
  settle: (outcome: Outcome) => void;
}

/** At most this many transactions share one commit. */
const MAX_GROUP = 256;

/**
 * Group commit for SQLite (decision 012). better-sqlite3 has one connection and commits synchronously, so each
 * transaction's commit (an fsync with synchronous=FULL) used to block the whole server once per request. Here the
 * transactions asked for while the event loop was busy wait for the next turn, then run one after another inside
 * one database transaction, each in a savepoint of its own, and share one commit:
 *
 * - each is isolated as before: a transaction that throws (a refusal, a lost race) is rolled back to its savepoint
 *   and the others go on;
 * - none is answered before the commit: its caller's promise settles only once the shared commit has returned,
 *   so a 201 still means on disk; a commit that fails fails every transaction of the group.
 */
export class GroupCommit {
  readonly #db: Kysely<Database>;
  #waiting: Job[] = [];
  #scheduled = false;
  #running = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  run<T>(work: TransactionWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({
        work,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
      });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#running) return;
    this.#scheduled = true;
    // After the I/O of this turn: every request that arrived with it has asked by then.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#running = true;
    const group = this.#waiting.splice(0, MAX_GROUP);
    try {
      const outcomes = await this.#db.transaction().execute(async (trx) => {
        const done: Outcome[] = [];
        for (const job of group) done.push(await inSavepoint(trx, job.work));
        return done;
      });
      group.forEach((job, i) => job.settle(outcomes[i]));
    } catch (error) {
      // Nothing of this group is on disk.
      for (const job of group) job.settle({ ok: false, error });
    } finally {
      this.#running = false;
      if (this.#waiting.length > 0) this.#schedule();
    }
  }
}

/** Runs one transaction's work in a savepoint: kept when it returns, rolled back when it throws. */
async function inSavepoint(trx: Transaction<Database>, work: TransactionWork<unknown>) {
  await sql`savepoint one_of_group`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release one_of_group`.execute(trx);
    return { ok: true, value } as const;
  } catch (error) {
    // A failure here aborts the group's transaction: every transaction of the group then fails.
    await sql`rollback to one_of_group`.execute(trx);
    await sql`release one_of_group`.execute(trx);
    return { ok: false, error } as const;
  }
}

const groups = new WeakMap<Kysely<Database>, GroupCommit>();

/** Makes every `runTransaction` on this database (SQLite's) share commits. */
export function enableGroupCommit(db: Kysely<Database>): void {
  groups.set(db, new GroupCommit(db));
}

/**
 * Runs `work` in a transaction and settles once it is committed: on SQLite in a group commit, on PostgreSQL in a
 * transaction of its own on one of the pool's connections (PostgreSQL groups the commits of concurrent
 * transactions into one WAL flush by itself).
 */
export function runTransaction<T>(db: Kysely<Database>, work: TransactionWork<T>): Promise<T> {
  const group = groups.get(db);
  return group ? group.run(work) : db.transaction().execute(work);
}
