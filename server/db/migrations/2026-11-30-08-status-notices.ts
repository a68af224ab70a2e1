import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// WeChat status notices (issue 15). A grant is one tap on 允许 in the mini-program: one notice, used once. The
// outbox holds the notices, written in the transaction of the move they tell of; a sender delivers them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when a move took it for its notice.
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('ticket_subscriptions_ticket_idx')
    .on('ticket_subscriptions')
    .columns(['ticket_id', 'used_at'])
    .execute();

  await db.schema
    .createTable('status_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One notice per grant, enforced by the database.
    .addColumn('subscription_id', 'text', (c) =>
      c.notNull().unique().references('ticket_subscriptions.id'),
    )
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('ticket_no', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    // The move it tells of: the event's number in the request's list, so that notices go out in order.
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'text', (c) => c.notNull())
    // pending → sending → sent | refused | failed | unknown; sending goes back to pending on a retryable error.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // Pending: when the next try is due. Sending: when the claim lapses.
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('status_notices_due_idx')
    .on('status_notices')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('status_notices_ticket_idx')
    .on('status_notices')
    .columns(['ticket_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('status_notices').execute();
  await db.schema.dropTable('ticket_subscriptions').execute();
}
