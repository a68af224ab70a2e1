import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Citizens signed in with WeChat (issue 15): who they are to WeChat (the openid, which never leaves the server),
// their sessions (only the token's hash), the requests linked to them, more access tokens of a request (one per
// lookup by number and phone), and the lookups tried per request number and day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('citizens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('openid', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('citizen_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('citizen_sessions_expiry_idx')
    .on('citizen_sessions')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('citizen_tickets')
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // The request's filing time, copied for the order of 我的诉求.
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('citizen_tickets_pk', ['citizen_id', 'ticket_id'])
    .execute();
  // 我的诉求: a citizen's requests, newest first, a keyset page at a time.
  await db.schema
    .createIndex('citizen_tickets_list_idx')
    .on('citizen_tickets')
    .columns(['citizen_id', 'filed_at', 'ticket_id'])
    .execute();

  await db.schema
    .createTable('ticket_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_lookups')
    .addColumn('ticket_no', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_lookups_pk', ['ticket_no', 'day'])
    .execute();
  await db.schema
    .createIndex('ticket_lookups_day_idx')
    .on('ticket_lookups')
    .column('day')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_lookups').execute();
  await db.schema.dropTable('ticket_tokens').execute();
  await db.schema.dropTable('citizen_tickets').execute();
  await db.schema.dropTable('citizen_sessions').execute();
  await db.schema.dropTable('citizens').execute();
}
