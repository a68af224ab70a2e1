import type { Kysely } from 'kysely';
import { beijingDate } from '../../src/domain/dates';
import type { Database } from '../db/tables';

export type CountUploadResult = { kind: 'counted' } | { kind: 'upload_quota_exceeded' };

/**
 * Counts a photo's bytes against its client's quota of the day (Beijing), unless that would pass `limit`: then
 * nothing is counted and the upload is refused. One statement, so that uploads racing from many processes never
 * pass the limit together.
 */
export async function countUploadBytes(
  db: Kysely<Database>,
  { client, bytes, limit, now }: { client: string; bytes: number; limit: number; now: Date },
): Promise<CountUploadResult> {
  if (bytes > limit) return { kind: 'upload_quota_exceeded' };
  const counted = await db
    .insertInto('upload_usage')
    .values({ client, day: beijingDate(now), bytes })
    .onConflict((oc) =>
      oc
        .columns(['client', 'day'])
        .doUpdateSet((eb) => ({ bytes: eb('upload_usage.bytes', '+', eb.ref('excluded.bytes')) }))
        .where((eb) => eb(eb('upload_usage.bytes', '+', eb.ref('excluded.bytes')), '<=', limit)),
    )
    .returning('bytes')
    .executeTakeFirst();
  return counted ? { kind: 'counted' } : { kind: 'upload_quota_exceeded' };
}

/** Forgets the days before yesterday: the quota is of one day, and addresses are kept no longer than needed. */
export async function deleteOldUploadUsage(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<void> {
  const yesterday = beijingDate(new Date(now.getTime() - 24 * 3600 * 1000));
  await db.deleteFrom('upload_usage').where('day', '<', yesterday).execute();
}
