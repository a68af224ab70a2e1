import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Progress imported from a spreadsheet: one row per applied import, made once per admin and Idempotency-Key (the
// updates it made are ordinary progress updates). The tickets export reads requests in filing order, page by page,
// over all districts or one: an index for each, so that every page is an index range.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('progress_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_imports_idempotency_idx')
    .unique()
    .on('progress_imports')
    .columns(['author_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('tickets_created_idx')
    .on('tickets')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_district_created_idx')
    .on('tickets')
    .columns(['district', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_district_created_idx').execute();
  await db.schema.dropIndex('tickets_created_idx').execute();
  await db.schema.dropIndex('progress_imports_idempotency_idx').execute();
  await db.schema.dropTable('progress_imports').execute();
}
