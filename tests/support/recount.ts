import { sql, type Kysely } from 'kysely';
import { beijingMonth, beijingWeek, hoursBucket } from '../../src/domain/figures';
import { median } from '../../src/domain/stats';
import { SATISFIED_SCORES, TICKET_CATEGORIES } from '../../src/domain/ticket';
import type { Database } from '../../server/db/tables';

/*
 * The request figures counted again from the rows, the slow way, for tests that check the maintained ones
 * (ticket_tallies, ticket_rating_tallies, ticket_resolve_hours) and what /api/stats and the queue make of them.
 */

type Counts = Record<string, number>;

const sortedCounts = (entries: Array<[string, number]>): Counts =>
  Object.fromEntries(entries.filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The three tallies as they stand, keyed `district|category|status` (zeros left out). */
export async function readTallies(db: Kysely<Database>) {
  const cells = await db.selectFrom('ticket_tallies').selectAll().execute();
  const ratings = await db.selectFrom('ticket_rating_tallies').selectAll().execute();
  const hours = await db.selectFrom('ticket_resolve_hours').selectAll().execute();
  return {
    tickets: sortedCounts(
      cells.map((c) => [`${c.district}|${c.category}|${c.status}`, Number(c.tickets)]),
    ),
    overdue: sortedCounts(
      cells.map((c) => [`${c.district}|${c.category}|${c.status}`, Number(c.overdue)]),
    ),
    rated: sortedCounts(ratings.map((r) => [`${r.district}|${r.category}`, Number(r.rated)])),
    satisfied: sortedCounts(
      ratings.map((r) => [`${r.district}|${r.category}`, Number(r.satisfied)]),
    ),
    hours: sortedCounts(hours.map((h) => [String(h.hour), Number(h.tickets)])),
  };
}

/** The same, counted from the requests and ratings themselves. */
export async function recountTallies(db: Kysely<Database>) {
  const tickets = await db
    .selectFrom('tickets')
    .select([
      'district',
      'category',
      'status',
      'overdue_counted',
      'created_at',
      'first_resolved_at',
    ])
    .execute();
  const ratings = await db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select(['tickets.district', 'tickets.category', 'ticket_ratings.score'])
    .execute();
  const add = (counts: Map<string, number>, key: string, n = 1) =>
    counts.set(key, (counts.get(key) ?? 0) + n);
  const [cells, overdue, rated, satisfied, hours] = Array.from({ length: 5 }, () => new Map());
  for (const t of tickets) {
    const key = `${t.district}|${t.category}|${t.status}`;
    add(cells, key);
    if (t.status !== 'resolved' && Number(t.overdue_counted) === 1) add(overdue, key);
    if (t.first_resolved_at) add(hours, String(hoursBucket(t.created_at, t.first_resolved_at)));
  }
  for (const r of ratings) {
    add(rated, `${r.district}|${r.category}`);
    if ((SATISFIED_SCORES as readonly number[]).includes(Number(r.score))) {
      add(satisfied, `${r.district}|${r.category}`);
    }
  }
  return {
    tickets: sortedCounts([...cells]),
    overdue: sortedCounts([...overdue]),
    rated: sortedCounts([...rated]),
    satisfied: sortedCounts([...satisfied]),
    hours: sortedCounts([...hours]),
  };
}

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** /api/stats' request figures counted from the rows, with the exact median (the API's is to within an hour). */
export async function recountTicketStats(db: Kysely<Database>) {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'category', 'status', 'created_at', 'first_resolved_at'])
    .execute();
  const ratings = await db.selectFrom('ticket_ratings').select(['ticket_id', 'score']).execute();
  const categoryOf = new Map(tickets.map((t) => [t.id, t.category]));
  const satisfiedScore = (score: number) =>
    (SATISFIED_SCORES as readonly number[]).includes(Number(score));
  const byCategory = TICKET_CATEGORIES.map(({ code, name }) => {
    const mine = tickets.filter((t) => t.category === code);
    const resolved = mine.filter((t) => t.status === 'resolved').length;
    const rated = ratings.filter((r) => categoryOf.get(r.ticket_id) === code);
    return {
      category: code,
      name,
      total: mine.length,
      resolved,
      closureRate: rate(resolved, mine.length),
      satisfactionRate: rate(rated.filter((r) => satisfiedScore(r.score)).length, rated.length),
    };
  }).filter((c) => c.total > 0);
  const resolved = tickets.filter((t) => t.status === 'resolved').length;
  const exactMedian = median(
    tickets
      .filter((t) => t.first_resolved_at)
      // As hoursBucket counts them: a request closed "before" it was filed (the clock set back) took 0 hours.
      .map((t) =>
        Math.max(0, (Date.parse(t.first_resolved_at!) - Date.parse(t.created_at)) / 3_600_000),
      ),
  );
  return {
    figures: {
      total: tickets.length,
      open: tickets.length - resolved,
      resolved,
      closureRate: rate(resolved, tickets.length),
      satisfactionRate: rate(ratings.filter((r) => satisfiedScore(r.score)).length, ratings.length),
      byCategory,
    },
    exactMedian,
  };
}

export interface QueueFilter {
  district?: string;
  status?: string;
  category?: string;
  overdue?: boolean;
}

/** The queue's requests for a filter, as a plain scan finds them: ticket numbers, most urgent first. */
export async function scanQueue(db: Kysely<Database>, filter: QueueFilter, now: Date) {
  let query = db.selectFrom('tickets').select('ticket_no');
  if (filter.district) query = query.where('district', '=', filter.district);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.category) query = query.where('category', '=', filter.category);
  const overdue = sql<boolean>`(status <> 'resolved' and due_at < ${now.toISOString()})`;
  if (filter.overdue === true) query = query.where(overdue);
  if (filter.overdue === false) query = query.where(sql<boolean>`not ${overdue}`);
  const rows = await query.orderBy('due_at').orderBy('id').execute();
  return rows.map((r) => r.ticket_no);
}

/** The 数据 page's week and month figures (migration 2026-11-30-09), as stored and as counted from the rows. */
export async function pageFiguresBothWays(db: Kysely<Database>) {
  const stored = {
    weeks: sortedCounts(
      (await db.selectFrom('ticket_week_figures').selectAll().execute()).map((r) => [
        `${r.week}|${r.category}`,
        Number(r.filed),
      ]),
    ),
    months: sortedCounts(
      (await db.selectFrom('ticket_month_figures').selectAll().execute()).flatMap((r) =>
        (['filed', 'closed', 'rated', 'satisfied'] as const).map((c): [string, number] => [
          `${r.month}|${r.category}|${r.district}|${c}`,
          Number(r[c]),
        ]),
      ),
    ),
    hours: sortedCounts(
      (await db.selectFrom('ticket_month_hours').selectAll().execute()).map((r) => [
        `${r.month}|${r.hours}`,
        Number(r.tickets),
      ]),
    ),
  };
  const weeks = new Map<string, number>();
  const months = new Map<string, number>();
  const hours = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string) =>
    counts.set(key, (counts.get(key) ?? 0) + 1);
  const tickets = await db.selectFrom('tickets').selectAll().execute();
  for (const t of tickets) {
    const filed = new Date(t.created_at);
    add(weeks, `${beijingWeek(filed)}|${t.category}`);
    const month = `${beijingMonth(filed)}|${t.category}|${t.district}`;
    add(months, `${month}|filed`);
    if (t.status === 'resolved') add(months, `${month}|closed`);
    if (t.first_resolved_at) {
      const at = beijingMonth(new Date(t.first_resolved_at));
      add(hours, `${at}|${hoursBucket(t.created_at, t.first_resolved_at)}`);
    }
  }
  const ratings = await db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select(['ticket_ratings.created_at', 'ticket_ratings.score', 'category', 'district'])
    .execute();
  for (const r of ratings) {
    const month = `${beijingMonth(new Date(r.created_at))}|${r.category}|${r.district}`;
    add(months, `${month}|rated`);
    if ((SATISFIED_SCORES as readonly number[]).includes(Number(r.score))) {
      add(months, `${month}|satisfied`);
    }
  }
  const counted = {
    weeks: sortedCounts([...weeks]),
    months: sortedCounts([...months]),
    hours: sortedCounts([...hours]),
  };
  return { stored, counted };
}
