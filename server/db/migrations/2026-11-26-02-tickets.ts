import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_no', 'text', (c) => c.notNull().unique())
    // sha256 of the access token: the token itself is never stored in the clear.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('commitment_id', 'text', (c) => c.references('commitments.id'))
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('first_resolved_at', 'text')
    // How many times it has been 已办结: a rating belongs to one resolution.
    .addColumn('resolution_count', 'integer', (c) => c.notNull())
    // Events so far; every change is a conditional update on it, so concurrent writers cannot both win.
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tickets_queue_idx')
    .on('tickets')
    .columns(['district', 'status', 'due_at'])
    .execute();
  await db.schema.createIndex('tickets_due_idx').on('tickets').columns(['due_at', 'id']).execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ticket_events_seq_unique', ['ticket_id', 'seq'])
    .execute();

  await db.schema
    .createTable('ticket_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('resolution', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Once per resolution, enforced by the database.
    .addUniqueConstraint('ticket_ratings_once_unique', ['ticket_id', 'resolution'])
    .execute();

  await db.schema
    .createTable('ticket_idempotency_keys')
    // sha256 of the Idempotency-Key header.
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    // sha256 of the canonical JSON body: the same key with another body is refused.
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // The access token, AES-256-GCM under a key derived from the Idempotency-Key, which the server never stores.
    .addColumn('token_box', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_idempotency_keys_created_idx')
    .on('ticket_idempotency_keys')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('uploads').execute();
  await db.schema.dropTable('ticket_idempotency_keys').execute();
  await db.schema.dropTable('ticket_ratings').execute();
  await db.schema.dropTable('ticket_events').execute();
  await db.schema.dropTable('tickets').execute();
}
