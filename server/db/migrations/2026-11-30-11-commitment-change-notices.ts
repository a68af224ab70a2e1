import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// PostgreSQL: a transaction that writes the commitments or their updates sends a notice on `commitments_changed`
// when it commits (folded into one per transaction), so that every process sharing the database drops its cache
// of them (server/db/commitment-changes.ts). SQLite has one process, told by triggers of its own connection.

/** PostgreSQL numbers its parameters ($1), SQLite does not (?). */
const isPostgres = (db: Kysely<unknown>) => sql`${0}`.compile(db).sql === '$1';

const TABLES = ['commitments', 'commitment_updates'];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function notify_commitments_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('commitments_changed', '');
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_changed`)} after insert or update or delete on ${sql.table(table)}
      for each statement execute function notify_commitments_changed()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of TABLES) {
    await sql`drop trigger ${sql.raw(`${table}_changed`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function notify_commitments_changed()`.execute(db);
}
