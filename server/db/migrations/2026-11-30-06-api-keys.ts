import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Keys of the systems that exchange requests with us through Open311 (the city's 12345 system): only the SHA-256 of
// a key is stored. A system may hold two keys of one name while it moves from the old to the new.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // JSON list of the CIDR blocks from which the system may read without presenting its key.
    .addColumn('allow', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_keys').execute();
}
