import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// What many server processes on one PostgreSQL share (issue 13, decision 016): the bytes of photos, each client's
// upload bytes of the day, the rate limits' counters, and when each background job last ran. Made on SQLite too, so
// the schema is one; there photos stay files under DATA_DIR and rate limits in the process's memory.

/** PostgreSQL numbers its parameters ($1), SQLite does not (?). */
const isPostgres = (db: Kysely<unknown>) => sql`${0}`.compile(db).sql === '$1';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_blobs')
    .addColumn('name', 'text', (c) => c.primaryKey().references('uploads.name').onDelete('cascade'))
    .addColumn('data', isPostgres(db) ? sql`bytea` : 'blob', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('upload_usage')
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_usage_pk', ['client', 'day'])
    .execute();

  // Counters of @fastify/rate-limit: a key (route and client), its count, and when its window ends (ms).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_resets_idx')
    .on('rate_limits')
    .column('resets_at')
    .execute();

  await db.schema
    .createTable('housekeeping_runs')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['housekeeping_runs', 'rate_limits', 'upload_usage', 'upload_blobs']) {
    await db.schema.dropTable(table).execute();
  }
}
