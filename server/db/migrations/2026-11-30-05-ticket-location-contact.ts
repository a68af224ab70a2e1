import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A request may carry a place on the map (WGS-84 degrees, six decimals), and a request handed over by another
// system (Open311) its contact's email address and the key it came through.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('location_lat', 'double precision').execute();
  await db.schema.alterTable('tickets').addColumn('location_long', 'double precision').execute();
  await db.schema.alterTable('tickets').addColumn('contact_email', 'text').execute();
  // The id of the API key a handed-over request came through; null for the app's.
  await db.schema.alterTable('tickets').addColumn('source_key_id', 'text').execute();
  // Open311 clients ask for the events of a window of time (requests filed in a window use tickets_created_idx,
  // made by 2026-11-30-10).
  await db.schema
    .createIndex('ticket_events_created_idx')
    .on('ticket_events')
    .columns(['created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('ticket_events_created_idx').execute();
  await db.schema.alterTable('tickets').dropColumn('source_key_id').execute();
  await db.schema.alterTable('tickets').dropColumn('contact_email').execute();
  await db.schema.alterTable('tickets').dropColumn('location_long').execute();
  await db.schema.alterTable('tickets').dropColumn('location_lat').execute();
}
