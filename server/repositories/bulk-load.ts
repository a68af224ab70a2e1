import { CompiledQuery, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DatabaseDialect } from '../db/database';
import type { Database } from '../db/tables';

/*
 * Writing many rows at once, for the sample-data generator (server/seed/): multi-row INSERTs on SQLite, one INSERT
 * from arrays (unnest) per batch on PostgreSQL, and the secondary indexes of the tables being filled dropped for the
 * load and built again after it, which both databases do much faster than growing them row by row.
 */

/** Bound values per statement: under SQLite's 32,766. */
const VALUES_PER_STATEMENT = 30_000;

/** PostgreSQL's type of each column of `table`, for its arrays. */
async function columnTypes(
  trx: Transaction<Database>,
  table: string,
): Promise<Map<string, string>> {
  const { rows } = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(trx);
  return new Map(rows.map((r) => [r.column_name, r.data_type]));
}

/** Rows into `table`, as few statements as the database takes. */
export async function insertRows<T extends keyof Database & string>(
  trx: Transaction<Database>,
  { dialect, table, rows }: { dialect: DatabaseDialect; table: T; rows: Insertable<Database[T]>[] },
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  if (dialect === 'postgres') {
    const types = await columnTypes(trx, table);
    const records = rows.map((row) => new Map(Object.entries(row)));
    const arrays = columns.map(
      (c) => sql`${records.map((r) => r.get(c) ?? null)}::${sql.raw(types.get(c) ?? 'text')}[]`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})`.execute(trx);
    return;
  }
  // The statement written once per size and the values passed as they are: no query builder per row.
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.flatMap((row) => {
      const record = new Map(Object.entries(row));
      return columns.map((c) => record.get(c) ?? null);
    });
    const text = head + new Array<string>(chunk.length).fill(tuple).join(', ');
    await trx.executeQuery(CompiledQuery.raw(text, values));
  }
}

/**
 * Adds rows to counters: each row is inserted, or its `sums` columns added to the row of the same `keys` (figures
 * kept per week, month, cell…), as many rows per statement as the databases take.
 */
export async function addToCounters(
  trx: Transaction<Database>,
  {
    table,
    keys,
    sums,
    rows,
  }: { table: keyof Database & string; keys: string[]; sums: string[]; rows: object[] },
): Promise<void> {
  const columns = [...keys, ...sums];
  const perStatement = Math.floor(VALUES_PER_STATEMENT / columns.length);
  const adding = sql.join(
    sums.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`),
  );
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => {
      const record = new Map(Object.entries(row));
      return sql`(${sql.join(columns.map((c) => record.get(c)))})`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(values)}
      on conflict (${sql.join(keys.map((c) => sql.ref(c)))}) do update set ${adding}`.execute(trx);
  }
}

/** Where the definitions of dropped indexes wait to be built again (a load cut short builds them next time). */
const PENDING_KEY = 'bulk_load_indexes';

interface Suspended {
  drop: string;
  restore: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What slows a load down on `tables`: their indexes made by CREATE INDEX (those of primary keys and UNIQUE
 * constraints stay), and on PostgreSQL their foreign keys (checked row by row by triggers; adding one back checks
 * all rows in one join). Each as the statement that drops it and the one that makes it again.
 */
async function suspendable(
  db: Kysely<Database>,
  { dialect, tables }: { dialect: DatabaseDialect; tables: string[] },
): Promise<Suspended[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; definition: string }>`
      select name, sql as definition from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(db);
    return rows.map((r) => ({ drop: `drop index ${quote(r.name)}`, restore: r.definition }));
  }
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(tables)})
      and indexname not in (select conname from pg_constraint)`.execute(db);
  const { rows: keys } = await sql<{ name: string; tbl: string; definition: string }>`
    select c.conname as name, t.relname as tbl, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = current_schema() and t.relname in (${sql.join(tables)})
    order by c.conname`.execute(db);
  return [
    ...indexes.map((r) => ({ drop: `drop index ${quote(r.name)}`, restore: r.definition })),
    ...keys.map((k) => ({
      drop: `alter table ${quote(k.tbl)} drop constraint ${quote(k.name)}`,
      restore: `alter table ${quote(k.tbl)} add constraint ${quote(k.name)} ${k.definition}`,
    })),
  ];
}

/** Drops what slows a load of `tables` down (see `suspendable`), and notes it, in one transaction. */
export async function suspendIndexes(
  db: Kysely<Database>,
  { dialect, tables, now }: { dialect: DatabaseDialect; tables: string[]; now: Date },
): Promise<void> {
  await restoreIndexes(db, { dialect });
  const suspended = await suspendable(db, { dialect, tables });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('app_settings')
      .values({ key: PENDING_KEY, value: JSON.stringify(suspended), updated_at: now.toISOString() })
      .execute();
    for (const { drop } of suspended) await sql.raw(drop).execute(trx);
  });
}

/** Makes again what a load dropped (or one cut short left dropped): indexes first, then foreign keys. */
export async function restoreIndexes(
  db: Kysely<Database>,
  { dialect }: { dialect: DatabaseDialect },
): Promise<void> {
  const pending = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', PENDING_KEY)
    .executeTakeFirst();
  if (!pending) return;
  const suspended = JSON.parse(pending.value) as Suspended[];
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    for (const { restore } of suspended) await sql.raw(restore).execute(trx);
    await trx.deleteFrom('app_settings').where('key', '=', PENDING_KEY).execute();
  });
}
