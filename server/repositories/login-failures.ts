import type { Kysely } from 'kysely';
import { newId } from '../auth/crypto';
import type { Database } from '../db/tables';

/** Whose sign-in attempts are counted: one username from one address. */
export interface LoginAttempt {
  username: string;
  ip: string;
}

/** Failed sign-ins for this username since `since`, oldest first, with the address each came from. */
export async function findLoginFailures(
  db: Kysely<Database>,
  { username, since }: { username: string; since: Date },
): Promise<{ id: string; ip: string; at: string }[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select(['id', 'ip', 'created_at'])
    .where('username', '=', username)
    .where('created_at', '>', since.toISOString())
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, ip: r.ip, at: r.created_at }));
}

/**
 * Records an attempt as a failure until it proves otherwise, and forgets those older than the
 * window so the table stays small. Returns the record's id.
 */
export async function recordLoginFailure(
  db: Kysely<Database>,
  {
    attempt: { username, ip },
    now,
    forgetBefore,
  }: { attempt: LoginAttempt; now: Date; forgetBefore: Date },
): Promise<string> {
  const id = newId(now);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_failures')
      .where('created_at', '<', forgetBefore.toISOString())
      .execute();
    await trx
      .insertInto('login_failures')
      .values({ id, username, ip, created_at: now.toISOString() })
      .execute();
  });
  return id;
}

export async function forgetLoginFailure(
  db: Kysely<Database>,
  { id }: { id: string },
): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}

export async function clearLoginFailures(
  db: Kysely<Database>,
  { attempt: { username, ip } }: { attempt: LoginAttempt },
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
}
