import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../db/database';
import type { Database } from '../db/tables';
import { NO_PROGRESS } from './commitments';
import { noteTallyWrite } from './tickets/tallies';

/*
 * Generated sample data (`npm run seed`, server/seed/): the mark that says a database holds it, and the bulk writes
 * the generator needs. Nothing here runs on a request but `isSampleData`.
 */

const SAMPLE_KEY = 'sample_data';

/** What the generator made: a database holding more than this holds something it did not make. */
export interface SampleMark {
  tickets: number;
  updates: number;
  seededAt: string;
}

export async function readSampleMark(db: Kysely<Database>): Promise<SampleMark | undefined> {
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', SAMPLE_KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as SampleMark) : undefined;
}

/** Whether the database holds generated sample data: the app then says 示例数据 on every page. */
export async function isSampleData(db: Kysely<Database>): Promise<boolean> {
  return (await readSampleMark(db)) !== undefined;
}

export async function markSampleData(
  db: Kysely<Database>,
  { mark, now }: { mark: SampleMark; now: Date },
): Promise<void> {
  const row = { key: SAMPLE_KEY, value: JSON.stringify(mark), updated_at: now.toISOString() };
  await db
    .insertInto('app_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }),
    )
    .execute();
}

/** How many requests and progress updates the database holds. */
export async function countRequestsAndUpdates(db: Kysely<Database>) {
  const count = async (table: 'tickets' | 'commitment_updates') => {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  return { tickets: await count('tickets'), updates: await count('commitment_updates') };
}

/** Figures derived from requests and progress: emptied with them, and filled again by the generator. */
const DERIVED_TABLES = [
  'ticket_tallies',
  'ticket_rating_tallies',
  'ticket_resolve_hours',
  'ticket_week_figures',
  'ticket_month_figures',
  'ticket_month_hours',
] as const;

/** Tables whose rows point at `table`, and theirs in turn, the furthest first (SQLite). */
async function dependentsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ child: string }>`
    select distinct m.name as child from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" = ${table} and m.name <> ${table}`.execute(db);
  const out: string[] = [];
  for (const { child } of rows) out.push(...(await dependentsOf(db, child)), child);
  return out;
}

/**
 * Empties the requests (and everything that points at them), the progress updates and the figures derived from
 * them, and sets every commitment back to no progress. Staff accounts, sessions and uploads stay.
 */
export async function clearRequestsAndProgress(
  db: Kysely<Database>,
  { dialect }: { dialect: DatabaseDialect },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      const tables = ['tickets', 'commitment_updates', ...DERIVED_TABLES];
      await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} cascade`.execute(trx);
    } else {
      for (const root of ['tickets', 'commitment_updates']) {
        for (const table of [...new Set(await dependentsOf(trx, root)), root]) {
          await sql`delete from ${sql.table(table)}`.execute(trx);
        }
      }
      for (const table of DERIVED_TABLES) await trx.deleteFrom(table).execute();
    }
    await trx.updateTable('commitments').set(NO_PROGRESS).execute();
  });
  noteTallyWrite();
}
