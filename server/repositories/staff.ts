import type { Kysely } from 'kysely';
import type { StaffRole } from '../../src/domain/commitment';
import type { District } from '../../src/domain/districts';
import type { Staff } from '../../src/domain/staff';
import { newId } from '../auth/crypto';
import type { Database, StaffTable } from '../db/tables';

/** An account as the operator's CLI lists it. */
export interface StaffAccount extends Staff {
  disabled: boolean;
  createdAt: string;
}

export class DuplicateUsernameError extends Error {
  constructor(readonly username: string) {
    super(`username ${username} is taken`);
    this.name = 'DuplicateUsernameError';
  }
}

type StaffColumns = Pick<StaffTable, 'id' | 'username' | 'name' | 'role' | 'district'>;

function toStaff(row: StaffColumns): Staff {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as StaffRole,
    district: row.district as District | null,
  };
}

export interface NewStaff {
  username: string;
  name: string;
  role: StaffRole;
  district: District | null;
  passwordHash: string;
}

export async function createStaff(
  db: Kysely<Database>,
  input: NewStaff,
  now: Date,
): Promise<Staff> {
  const id = newId(now);
  const at = now.toISOString();
  try {
    await db
      .insertInto('staff')
      .values({
        id,
        username: input.username,
        name: input.name,
        role: input.role,
        district: input.district,
        password_hash: input.passwordHash,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
  } catch (error) {
    if (await findStaffCredentials(db, input.username)) {
      throw new DuplicateUsernameError(input.username);
    }
    throw error;
  }
  return toStaff({ id, ...input });
}

/** The account and its password hash, for sign-in only. */
export async function findStaffCredentials(
  db: Kysely<Database>,
  username: string,
): Promise<{ staff: Staff; passwordHash: string; disabled: boolean } | undefined> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return (
    row && { staff: toStaff(row), passwordHash: row.password_hash, disabled: row.disabled === 1 }
  );
}

export async function listStaff(db: Kysely<Database>): Promise<StaffAccount[]> {
  const rows = await db.selectFrom('staff').selectAll().orderBy('username').execute();
  return rows.map((row) => ({
    ...toStaff(row),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  }));
}

/** Disables or re-enables an account; disabling also ends every session it has. False if unknown. */
export async function setStaffDisabled(
  db: Kysely<Database>,
  username: string,
  disabled: boolean,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('staff')
      .set({ disabled: disabled ? 1 : 0, updated_at: now.toISOString() })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    if (disabled) await revokeSessionsOf(trx, row.id, now);
    return true;
  });
}

/** Sets a new password and ends every session of the account. False if unknown. */
export async function setStaffPassword(
  db: Kysely<Database>,
  username: string,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await revokeSessionsOf(trx, row.id, now);
    return true;
  });
}

async function revokeSessionsOf(db: Kysely<Database>, staffId: string, now: Date) {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function createSession(
  db: Kysely<Database>,
  { staffId, tokenHash, expiresAt }: { staffId: string; tokenHash: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      id: newId(now),
      token_hash: tokenHash,
      staff_id: staffId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute();
}

/** The staff member a token belongs to, if the session is live and the account enabled. */
export async function findStaffBySession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<Staff | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select(['staff.id', 'staff.username', 'staff.name', 'staff.role', 'staff.district'])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .where('staff_sessions.revoked_at', 'is', null)
    // ISO strings in UTC compare in time order.
    .where('staff_sessions.expires_at', '>', now.toISOString())
    .where('staff.disabled', '=', 0)
    .executeTakeFirst();
  return row && toStaff(row);
}

export async function revokeSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Failed sign-ins for this username since `since`, oldest first, with the address each came from. */
export async function findLoginFailures(
  db: Kysely<Database>,
  username: string,
  since: Date,
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
  { username, ip }: { username: string; ip: string },
  now: Date,
  forgetBefore: Date,
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

export async function forgetLoginFailure(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}

export async function clearLoginFailures(
  db: Kysely<Database>,
  { username, ip }: { username: string; ip: string },
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
}
