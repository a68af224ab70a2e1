import type { Kysely, Transaction } from 'kysely';
import { DISTRICTS, type District } from '../../src/domain/districts';
import {
  beijingMonth,
  hoursBucket,
  lastMonths,
  lastWeeks,
  medianOfBuckets,
  share,
  type DistrictFigures,
  type MonthFigures,
  type WeekFigures,
} from '../../src/domain/figures';
import {
  isSatisfied,
  type RatingScore,
  type TicketCategory,
  type TicketStatus,
} from '../../src/domain/ticket';
import type { Database, TicketsTable } from '../db/tables';

/*
 * The 数据 page's figures, maintained in the transaction of the change that moves them (see migration
 * 2026-11-30-09): filing (tickets/create.ts, through figure-sums.ts), staff moves and reopening (tickets/moves.ts), ratings. Each change adds
 * to a counter row, made on first use; reading them costs the same with one year or ten years of requests.
 */

type TicketFacts = Pick<TicketsTable, 'category' | 'district' | 'created_at'>;
type MonthCounts = { filed?: number; closed?: number; rated?: number; satisfied?: number };

async function addToMonth(
  trx: Transaction<Database>,
  { month, ticket, add }: { month: string; ticket: TicketFacts; add: MonthCounts },
): Promise<void> {
  const values = {
    filed: add.filed ?? 0,
    closed: add.closed ?? 0,
    rated: add.rated ?? 0,
    satisfied: add.satisfied ?? 0,
  };
  await trx
    .insertInto('ticket_month_figures')
    .values({ month, category: ticket.category, district: ticket.district, ...values })
    .onConflict((oc) =>
      oc.columns(['month', 'category', 'district']).doUpdateSet((eb) => ({
        filed: eb('ticket_month_figures.filed', '+', eb.ref('excluded.filed')),
        closed: eb('ticket_month_figures.closed', '+', eb.ref('excluded.closed')),
        rated: eb('ticket_month_figures.rated', '+', eb.ref('excluded.rated')),
        satisfied: eb('ticket_month_figures.satisfied', '+', eb.ref('excluded.satisfied')),
      })),
    )
    .execute();
}

/**
 * A request moved from `row.status` to `status` at `at`: 已办结 counts it closed in its month of filing (and its
 * first resolution adds its hours to the month's distribution); reopened, it is no longer closed.
 */
export async function countTicketMove(
  trx: Transaction<Database>,
  {
    row,
    status,
    at,
  }: {
    row: TicketFacts & Pick<TicketsTable, 'status' | 'first_resolved_at'>;
    status: TicketStatus;
    at: string;
  },
): Promise<void> {
  const was = row.status === 'resolved';
  const is = status === 'resolved';
  if (was === is) return;
  const month = beijingMonth(new Date(row.created_at));
  await addToMonth(trx, { month, ticket: row, add: { closed: is ? 1 : -1 } });
  if (!is || row.first_resolved_at !== null) return;
  await trx
    .insertInto('ticket_month_hours')
    .values({
      month: beijingMonth(new Date(at)),
      hours: hoursBucket(row.created_at, at),
      tickets: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['month', 'hours'])
        .doUpdateSet((eb) => ({ tickets: eb('ticket_month_hours.tickets', '+', eb.lit(1)) })),
    )
    .execute();
}

/** A rating given at `at`: one more rated in that month, and one more satisfied for 满意 and 基本满意. */
export async function countTicketRating(
  trx: Transaction<Database>,
  { row, score, at }: { row: TicketFacts; score: RatingScore; at: string },
): Promise<void> {
  const add = { rated: 1, satisfied: isSatisfied(score) ? 1 : 0 };
  await addToMonth(trx, { month: beijingMonth(new Date(at)), ticket: row, add });
}

/** The last 52 weeks and 12 months of request figures, and the requests by district over those months. */
export async function getTicketFigures(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<{ weeks: WeekFigures[]; months: MonthFigures[]; districts: DistrictFigures[] }> {
  const weekKeys = lastWeeks(now);
  const monthKeys = lastMonths(now);
  const [weekRows, monthRows, hourRows] = await Promise.all([
    db.selectFrom('ticket_week_figures').selectAll().where('week', '>=', weekKeys[0]).execute(),
    db.selectFrom('ticket_month_figures').selectAll().where('month', '>=', monthKeys[0]).execute(),
    db.selectFrom('ticket_month_hours').selectAll().where('month', '>=', monthKeys[0]).execute(),
  ]);
  const weeks = weekKeys.map((week) => {
    const mine = weekRows.filter((r) => r.week === week && Number(r.filed) > 0);
    const counts = Object.fromEntries(mine.map((r) => [r.category, Number(r.filed)]));
    const total = mine.reduce((sum, r) => sum + Number(r.filed), 0);
    return { week, counts: counts as Partial<Record<TicketCategory, number>>, total };
  });
  const sum = (rows: typeof monthRows, column: 'filed' | 'closed' | 'rated' | 'satisfied') =>
    rows.reduce((total, r) => total + Number(r[column]), 0);
  const months = monthKeys.map((month) => {
    const mine = monthRows.filter((r) => r.month === month);
    const [filed, closed, rated, satisfied] = (
      ['filed', 'closed', 'rated', 'satisfied'] as const
    ).map((column) => sum(mine, column));
    const buckets = hourRows
      .filter((r) => r.month === month)
      .map((r) => ({ hours: Number(r.hours), count: Number(r.tickets) }));
    return {
      month,
      filed,
      closed,
      closureRate: share(closed, filed),
      medianHoursToClose: medianOfBuckets(buckets),
      rated,
      satisfied,
      satisfactionRate: share(satisfied, rated),
    };
  });
  const districts = DISTRICTS.map((district: District) => ({
    district,
    filed: sum(
      monthRows.filter((r) => r.district === district),
      'filed',
    ),
  }));
  return { weeks, months, districts };
}
