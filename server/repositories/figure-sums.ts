import type { Transaction } from 'kysely';
import { beijingMonth, beijingWeek, hoursBucket } from '../../src/domain/figures';
import { isSatisfied, type RatingScore } from '../../src/domain/ticket';
import type {
  Database,
  TicketMonthFiguresTable,
  TicketMonthHoursTable,
  TicketRatingsTable,
  TicketsTable,
  TicketWeekFiguresTable,
} from '../db/tables';
import { addToCounters } from './bulk-load';
import {
  applyTallies,
  newTallyDeltas,
  tallyRating,
  tallyTicketChange,
  type TallyDeltas,
} from './tickets/tallies';

/**
 * Every maintained figure that a batch of new requests moves, added up in memory and written with one statement per
 * table: the request tallies through the same functions as a single change (tickets/tallies.ts), and the 数据 page's
 * week and month figures as ticket-figures.ts counts a filing, a move and a rating. New requests filed together
 * (tickets/create.ts) and the sample data (server/seed/) are counted this way.
 */
export interface FigureSums {
  tallies: TallyDeltas;
  weeks: Map<string, TicketWeekFiguresTable>;
  months: Map<string, TicketMonthFiguresTable>;
  hours: Map<string, TicketMonthHoursTable>;
}

export function newFigureSums(): FigureSums {
  return { tallies: newTallyDeltas(), weeks: new Map(), months: new Map(), hours: new Map() };
}

/** A new request as it stands: its row and its ratings (none when just filed). */
export interface NewTicket {
  row: TicketsTable;
  ratings: Pick<TicketRatingsTable, 'score' | 'created_at'>[];
}

function monthOf(sums: FigureSums, month: string, { category, district }: TicketsTable) {
  const key = `${month}|${category}|${district}`;
  let row = sums.months.get(key);
  if (!row) {
    row = { month, category, district, filed: 0, closed: 0, rated: 0, satisfied: 0 };
    sums.months.set(key, row);
  }
  return row;
}

/** One request, as it stands now: filed, closed or not, first resolved when, rated how. */
export function addNewTicket(sums: FigureSums, { row, ratings }: NewTicket): void {
  tallyTicketChange(sums.tallies, null, row);
  for (const rating of ratings) tallyRating(sums.tallies, row, rating.score as RatingScore);

  const filedAt = new Date(row.created_at);
  const week = beijingWeek(filedAt);
  const weekKey = `${week}|${row.category}`;
  const weekRow = sums.weeks.get(weekKey) ?? { week, category: row.category, filed: 0 };
  weekRow.filed += 1;
  sums.weeks.set(weekKey, weekRow);

  const filedMonth = monthOf(sums, beijingMonth(filedAt), row);
  filedMonth.filed += 1;
  if (row.status === 'resolved') filedMonth.closed += 1;
  if (row.first_resolved_at) {
    const month = beijingMonth(new Date(row.first_resolved_at));
    const hours = hoursBucket(row.created_at, row.first_resolved_at);
    const key = `${month}|${hours}`;
    const hoursRow = sums.hours.get(key) ?? { month, hours, tickets: 0 };
    hoursRow.tickets += 1;
    sums.hours.set(key, hoursRow);
  }
  for (const rating of ratings) {
    const ratedMonth = monthOf(sums, beijingMonth(new Date(rating.created_at)), row);
    ratedMonth.rated += 1;
    if (isSatisfied(rating.score as RatingScore)) ratedMonth.satisfied += 1;
  }
}

/** Adds the sums to the kept figures, in the caller's transaction. */
export async function writeFigureSums(trx: Transaction<Database>, sums: FigureSums): Promise<void> {
  await applyTallies(trx, sums.tallies);
  const counters = [
    { table: 'ticket_week_figures', keys: ['week', 'category'], sums: ['filed'], rows: sums.weeks },
    {
      table: 'ticket_month_figures',
      keys: ['month', 'category', 'district'],
      sums: ['filed', 'closed', 'rated', 'satisfied'],
      rows: sums.months,
    },
    { table: 'ticket_month_hours', keys: ['month', 'hours'], sums: ['tickets'], rows: sums.hours },
  ] as const;
  for (const { table, keys, sums: columns, rows } of counters) {
    if (rows.size === 0) continue;
    // In key order: concurrent writers take the rows' locks in the same order.
    const values = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
    await addToCounters(trx, { table, keys: [...keys], sums: [...columns], rows: values });
  }
}
