import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// PostgreSQL: the rate limits' counters are written by every limited request and matter for a minute. Unlogged,
// they cost no WAL and no fsync; after a crash of PostgreSQL they start again from zero, which only forgives a minute.

/** PostgreSQL numbers its parameters ($1), SQLite does not (?). */
const isPostgres = (db: Kysely<unknown>) => sql`${0}`.compile(db).sql === '$1';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`alter table rate_limits set unlogged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`alter table rate_limits set logged`.execute(db);
}
