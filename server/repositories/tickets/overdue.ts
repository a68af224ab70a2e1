import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { inTransaction } from '../idempotency';
import { applyTallies, newTallyDeltas, tallyOverdue } from './tallies';

/*
 * Overdue is a matter of time: a request becomes overdue with nobody touching it. The sweep counts the open requests
 * that have passed their due time in their cell's `overdue` (and marks them, `overdue_counted`), a batch at a time;
 * moves keep the count as they move a counted request. Between sweeps, a reader adds what the sweep has not reached
 * yet, and takes away what it counted ahead of a clock set back: both ranges of one small partial index
 * (tickets_open_overdue_idx), a few minutes' worth of requests whatever the size of the table.
 */

const SWEEP_BATCH = 500;

/** Open requests the sweep has not counted, past due by `now`; their ids, oldest due first. */
function uncountedPastDue(db: Kysely<Database>, now: string) {
  // Literals, not parameters: SQLite uses a partial index only for a query that repeats its condition.
  return db
    .selectFrom('tickets')
    .where('status', '<>', sql.lit('resolved'))
    .where('overdue_counted', '=', sql.lit(0))
    .where('due_at', '<', now);
}

/** Counts the requests that have become overdue by `now`, in batches (one transaction each); answers how many. */
export async function sweepOverdue(
  db: Kysely<Database>,
  { now, batch = SWEEP_BATCH }: { now: Date; batch?: number },
): Promise<number> {
  const nowIso = now.toISOString();
  let swept = 0;
  for (;;) {
    const count = await inTransaction(db, async (trx) => {
      const ids = await uncountedPastDue(trx, nowIso)
        .select('id')
        .orderBy('due_at')
        .limit(batch)
        .execute();
      if (ids.length === 0) return 0;
      // The conditions again: a request moved since it was picked (a resolve) is left out.
      const marked = await trx
        .updateTable('tickets')
        .set({ overdue_counted: 1 })
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .where('status', '<>', 'resolved')
        .where('overdue_counted', '=', 0)
        .returning(['district', 'category', 'status', 'created_at', 'first_resolved_at'])
        .execute();
      const deltas = newTallyDeltas();
      for (const row of marked) tallyOverdue(deltas, { ...row, overdue_counted: 1 });
      await applyTallies(trx, deltas);
      return ids.length;
    });
    swept += count;
    if (count < batch) return swept;
  }
}

/**
 * What the tallies' overdue counts miss as of `now`, by cell: past due and not counted by the sweep yet (to add), and
 * counted, and not past due (a clock set back: to take away). The queue's count reads both (countQueueQuery).
 */
export function overdueQueries(db: Kysely<Database>, { now }: { now: string }) {
  return ([0, 1] as const).map((counted) =>
    db
      .selectFrom('tickets')
      .select(['district', 'category', 'status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', sql.lit('resolved'))
      .where('overdue_counted', '=', sql.lit(counted))
      .where('due_at', counted === 0 ? '<' : '>=', now)
      .groupBy(['district', 'category', 'status']),
  );
}
