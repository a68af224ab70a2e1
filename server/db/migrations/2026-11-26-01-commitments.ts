import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('target_qualifier', 'text')
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_unit', 'text')
    .addColumn('baseline_quote', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('current_value', 'double precision')
    .addColumn('progress_percent', 'integer')
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('commitments_category_idx')
    .on('commitments')
    .columns(['category', 'sort_order'])
    .execute();

  await db.schema
    .createTable('commitment_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_updates_commitment_idx')
    .on('commitment_updates')
    .columns(['commitment_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('commitment_updates').execute();
  await db.schema.dropTable('commitments').execute();
}
