import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The 数据 page's figures, maintained in the same transaction as the change that moves them (filing, staff moves,
// ratings), so that no request scans the requests: new requests per Beijing week and category; per Beijing month,
// category and district the requests filed and how many of them are closed now, and the ratings given and how many
// were satisfied; per month of first resolution, the hours it took, in whole-hour buckets (for the median).
// The figures of requests already there are counted once here, page by page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_week_figures')
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('filed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_week_figures_pk', ['week', 'category'])
    .execute();
  await db.schema
    .createTable('ticket_month_figures')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('filed', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_month_figures_pk', ['month', 'category', 'district'])
    .execute();
  await db.schema
    .createTable('ticket_month_hours')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('tickets', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_month_hours_pk', ['month', 'hours'])
    .execute();
  await countExisting(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_month_hours').execute();
  await db.schema.dropTable('ticket_month_figures').execute();
  await db.schema.dropTable('ticket_week_figures').execute();
}

const DAY_MS = 24 * 3600 * 1000;
const beijingDay = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
const mondayOf = (iso: string) => {
  const day = new Date(`${beijingDay(iso)}T00:00:00Z`);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
};
const hoursOf = (from: string, to: string) =>
  Math.min(90 * 24, Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 3600_000)));

interface TicketPage {
  id: string;
  category: string;
  district: string;
  status: string;
  created_at: string;
  first_resolved_at: string | null;
}

/** Counts what is there already, a page of requests at a time, and writes the sums. */
async function countExisting(db: Kysely<unknown>): Promise<void> {
  const weeks = new Map<string, number>();
  const months = new Map<string, number[]>();
  const hours = new Map<string, number>();
  const month = (key: string) =>
    months.get(key) ?? (months.set(key, [0, 0, 0, 0]).get(key) as number[]);
  let after = '';
  for (;;) {
    const { rows } = await sql<TicketPage>`select id, category, district, status, created_at,
      first_resolved_at from tickets where id > ${after} order by id limit 5000`.execute(db);
    if (rows.length === 0) break;
    for (const t of rows) {
      const week = `${mondayOf(t.created_at)}|${t.category}`;
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
      const sums = month(`${beijingDay(t.created_at).slice(0, 7)}|${t.category}|${t.district}`);
      sums[0] += 1;
      if (t.status === 'resolved') sums[1] += 1;
      if (t.first_resolved_at) {
        const key = `${beijingDay(t.first_resolved_at).slice(0, 7)}|${hoursOf(t.created_at, t.first_resolved_at)}`;
        hours.set(key, (hours.get(key) ?? 0) + 1);
      }
    }
    after = rows[rows.length - 1].id;
  }
  // Scores 2 (基本满意) and 3 (满意) count as satisfied.
  const { rows: ratings } = await sql<{
    category: string;
    district: string;
    created_at: string;
    score: number;
  }>`select r.created_at, r.score, t.category, t.district from ticket_ratings r
     join tickets t on t.id = r.ticket_id`.execute(db);
  for (const r of ratings) {
    const sums = month(`${beijingDay(r.created_at).slice(0, 7)}|${r.category}|${r.district}`);
    sums[2] += 1;
    if (Number(r.score) >= 2) sums[3] += 1;
  }
  for (const [key, filed] of weeks) {
    const [week, category] = key.split('|');
    await sql`insert into ticket_week_figures (week, category, filed)
      values (${week}, ${category}, ${filed})`.execute(db);
  }
  for (const [key, [filed, closed, rated, satisfied]] of months) {
    const [m, category, district] = key.split('|');
    await sql`insert into ticket_month_figures (month, category, district, filed, closed, rated, satisfied)
      values (${m}, ${category}, ${district}, ${filed}, ${closed}, ${rated}, ${satisfied})`.execute(
      db,
    );
  }
  for (const [key, tickets] of hours) {
    const [m, h] = key.split('|');
    await sql`insert into ticket_month_hours (month, hours, tickets)
      values (${m}, ${Number(h)}, ${tickets})`.execute(db);
  }
}
