import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A small key/value table for facts about the database as a whole, e.g. that it holds generated sample data
// (`npm run seed`), which the app then says on every page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('app_settings').execute();
}
