import { beijingMonth, beijingWeek, hoursBucket } from '../../src/domain/figures';
import { isSatisfied, type RatingScore } from '../../src/domain/ticket';
import type {
  TicketMonthFiguresTable,
  TicketMonthHoursTable,
  TicketWeekFiguresTable,
} from '../db/tables';
import {
  newTallyDeltas,
  tallyRating,
  tallyTicketChange,
  type TallyDeltas,
} from '../repositories/tickets/tallies';
import type { SampleTicket } from './requests';

/**
 * Every maintained figure a batch of sample requests moves, added up as the API's transactions would have: the
 * request tallies through the same functions (repositories/tickets/tallies.ts), and the 数据 page's week and month
 * figures as repositories/ticket-figures.ts counts a filing, a move and a rating.
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

function monthOf(sums: FigureSums, month: string, { category, district }: SampleTicket['row']) {
  const key = `${month}|${category}|${district}`;
  let row = sums.months.get(key);
  if (!row) {
    row = { month, category, district, filed: 0, closed: 0, rated: 0, satisfied: 0 };
    sums.months.set(key, row);
  }
  return row;
}

/** One request, as it stands now: filed, closed or not, first resolved when, rated how. */
export function addSampleTicket(sums: FigureSums, { row, ratings }: SampleTicket): void {
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
