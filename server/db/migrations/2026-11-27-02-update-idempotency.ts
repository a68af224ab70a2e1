import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A worker's post carries an Idempotency-Key, so that a post resent after a timeout is not published twice.
// Unique per author: NULLs (posts made before, or without a key) never collide on either database.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('commitment_updates').addColumn('idempotency_key', 'text').execute();
  await db.schema.alterTable('commitment_updates').addColumn('request_hash', 'text').execute();
  await db.schema
    .createIndex('commitment_updates_idempotency_idx')
    .unique()
    .on('commitment_updates')
    .columns(['author_id', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('commitment_updates_idempotency_idx').execute();
  await db.schema.alterTable('commitment_updates').dropColumn('request_hash').execute();
  await db.schema.alterTable('commitment_updates').dropColumn('idempotency_key').execute();
}
