import type { Kysely } from 'kysely';
import type { District } from '../../src/domain/districts';
import type { Staff, StaffRole } from '../../src/domain/staff';
import { hashToken, newId, newToken } from '../auth/crypto';
import { isUniqueViolation } from '../db/database';
import type { Database, StaffTable } from '../db/tables';

/** An account as the operator's CLI lists it. */
export interface StaffAccount extends Staff {
  disabled: boolean;
  createdAt: string;
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

export type CreateStaffResult = { kind: 'created'; staff: Staff } | { kind: 'username_taken' };

export async function createStaff(
  db: Kysely<Database>,
  { account, now }: { account: NewStaff; now: Date },
): Promise<CreateStaffResult> {
  const id = newId(now);
  const at = now.toISOString();
  try {
    await db
      .insertInto('staff')
      .values({
        id,
        username: account.username,
        name: account.name,
        role: account.role,
        district: account.district,
        password_hash: account.passwordHash,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'username_taken' };
    throw error;
  }
  return { kind: 'created', staff: toStaff({ id, ...account }) };
}

/** The account and its password hash, for sign-in only. */
export async function findStaffCredentials(
  db: Kysely<Database>,
  { username }: { username: string },
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

export type ChangeStaffResult = { kind: 'updated' } | { kind: 'not_found' };

/** Disables or re-enables an account; disabling also ends every session it has. */
export async function setStaffDisabled(
  db: Kysely<Database>,
  { username, disabled, now }: { username: string; disabled: boolean; now: Date },
): Promise<ChangeStaffResult> {
  return changeStaff(db, {
    username,
    changes: { disabled: disabled ? 1 : 0 },
    endSessions: disabled,
    now,
  });
}

/** Sets a new password and ends every session of the account. */
export async function setStaffPassword(
  db: Kysely<Database>,
  { username, passwordHash, now }: { username: string; passwordHash: string; now: Date },
): Promise<ChangeStaffResult> {
  return changeStaff(db, {
    username,
    changes: { password_hash: passwordHash },
    endSessions: true,
    now,
  });
}

async function changeStaff(
  db: Kysely<Database>,
  {
    username,
    changes,
    endSessions,
    now,
  }: {
    username: string;
    changes: Partial<Pick<StaffTable, 'disabled' | 'password_hash'>>;
    endSessions: boolean;
    now: Date;
  },
): Promise<ChangeStaffResult> {
  return db.transaction().execute(async (trx): Promise<ChangeStaffResult> => {
    const row = await trx
      .updateTable('staff')
      .set({ ...changes, updated_at: now.toISOString() })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (!row) return { kind: 'not_found' };
    if (endSessions) {
      await trx
        .updateTable('staff_sessions')
        .set({ revoked_at: now.toISOString() })
        .where('staff_id', '=', row.id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    return { kind: 'updated' };
  });
}

/** Opens a session and answers its bearer token; only the token's hash is kept. */
export async function createSession(
  db: Kysely<Database>,
  { staffId, expiresAt, now }: { staffId: string; expiresAt: Date; now: Date },
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('staff_sessions')
    .values({
      id: newId(now),
      token_hash: hashToken(token),
      staff_id: staffId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute();
  return token;
}

/** The staff member a token belongs to, if the session is live and the account enabled. */
export async function findStaffBySession(
  db: Kysely<Database>,
  { token, now }: { token: string; now: Date },
): Promise<Staff | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select(['staff.id', 'staff.username', 'staff.name', 'staff.role', 'staff.district'])
    .where('staff_sessions.token_hash', '=', hashToken(token))
    .where('staff_sessions.revoked_at', 'is', null)
    // ISO strings in UTC compare in time order.
    .where('staff_sessions.expires_at', '>', now.toISOString())
    .where('staff.disabled', '=', 0)
    .executeTakeFirst();
  return row && toStaff(row);
}

export async function revokeSession(
  db: Kysely<Database>,
  { token, now }: { token: string; now: Date },
): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}
