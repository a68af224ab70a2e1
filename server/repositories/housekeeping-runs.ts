import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';

/** A job is due again once this share of its period has passed: timers of two processes never fire in step. */
const DUE_AFTER_SHARE = 0.9;

/**
 * Whether a periodic job is due, recording that it runs now when it is: false when any process ran it less than
 * (most of) `everyMs` ago. Called under the job's advisory lock (`runEvery`), so two processes never both claim it.
 * A clock that went back (a test's, a machine's) makes the job due rather than silent.
 */
export async function claimJobRun(
  db: Kysely<Database>,
  { job, now, everyMs }: { job: string; now: Date; everyMs: number },
): Promise<boolean> {
  const last = await db
    .selectFrom('housekeeping_runs')
    .select('ran_at')
    .where('job', '=', job)
    .executeTakeFirst();
  const since = last ? now.getTime() - Date.parse(last.ran_at) : Infinity;
  if (since >= 0 && since < everyMs * DUE_AFTER_SHARE) return false;
  const ranAt = now.toISOString();
  await db
    .insertInto('housekeeping_runs')
    .values({ job, ran_at: ranAt })
    .onConflict((oc) => oc.column('job').doUpdateSet({ ran_at: ranAt }))
    .execute();
  return true;
}
