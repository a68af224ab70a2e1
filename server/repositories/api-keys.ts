import type { Kysely } from 'kysely';
import { hashToken, newId, newToken } from '../auth/crypto';
import { isAddressAllowed } from '../auth/allow-list';
import type { ApiKeysTable, Database } from '../db/tables';

/** A system's key as the operator's CLI lists it, and as a route knows its caller: never the key itself. */
export interface ApiKey {
  id: string;
  /** The system's name: requests it files say 来源: this name. */
  name: string;
  /** CIDR blocks from which the system may read without presenting the key. */
  allow: string[];
  createdAt: string;
  revokedAt: string | null;
}

function toApiKey(row: ApiKeysTable): ApiKey {
  return {
    id: row.id,
    name: row.name,
    allow: JSON.parse(row.allow) as string[],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** A new key for a system: the caller sees the key once; the database keeps only its hash. */
export async function createApiKey(
  db: Kysely<Database>,
  { name, allow, now }: { name: string; allow: string[]; now: Date },
): Promise<{ kind: 'created'; apiKey: ApiKey; key: string }> {
  const key = newToken();
  const row: ApiKeysTable = {
    id: newId(now),
    name,
    key_hash: hashToken(key),
    allow: JSON.stringify(allow),
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { kind: 'created', apiKey: toApiKey(row), key };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
  return rows.map(toApiKey);
}

/**
 * Revokes a key by its id, or every live key of a system by its name: refused from the next request on, since
 * every request looks its key up afresh.
 */
export async function revokeApiKeys(
  db: Kysely<Database>,
  { id, name, now }: { id?: string; name?: string; now: Date },
): Promise<{ kind: 'updated'; revoked: ApiKey[] } | { kind: 'not_found' }> {
  let live = db.selectFrom('api_keys').selectAll().where('revoked_at', 'is', null);
  if (id !== undefined) live = live.where('id', '=', id);
  if (name !== undefined) live = live.where('name', '=', name);
  const rows = await live.execute();
  if (rows.length === 0) return { kind: 'not_found' };
  const at = now.toISOString();
  await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return { kind: 'updated', revoked: rows.map((row) => toApiKey({ ...row, revoked_at: at })) };
}

/** The live key this secret is, or undefined (unknown or revoked). */
export async function findApiKey(
  db: Kysely<Database>,
  { key }: { key: string },
): Promise<ApiKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', hashToken(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toApiKey(row);
}

/** The live key whose allow-list holds this address (the oldest, when several do), or undefined. */
export async function findApiKeyAllowing(
  db: Kysely<Database>,
  { address }: { address: string },
): Promise<ApiKey | undefined> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('allow', '!=', '[]')
    .orderBy('created_at')
    .execute();
  return rows.map(toApiKey).find((apiKey) => isAddressAllowed(address, apiKey.allow));
}
