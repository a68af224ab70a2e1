import type { Kysely } from 'kysely';
import { median, type TicketCategoryStats, type TicketStats } from '../../../src/domain/stats';
import { SATISFIED_SCORES, TICKET_CATEGORIES } from '../../../src/domain/ticket';
import type { Database } from '../../db/tables';

const HOUR_MS = 3600 * 1000;
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

/** Figures of the 民呼必应 requests, overall and per category. */
export async function getTicketStats(db: Kysely<Database>): Promise<TicketStats> {
  const counts = await db
    .selectFrom('tickets')
    .select(['category', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['category', 'status'])
    .execute();
  const ratings = await db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select('tickets.category')
    .select((eb) => [
      eb.fn.countAll<number>().as('rated'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('ticket_ratings.score', 'in', [...SATISFIED_SCORES])
            .then(eb.lit(1))
            .else(eb.lit(0))
            .end(),
        )
        .as('satisfied'),
    ])
    .groupBy('tickets.category')
    .execute();
  const durations = await db
    .selectFrom('tickets')
    .select(['created_at', 'first_resolved_at'])
    .where('first_resolved_at', 'is not', null)
    .execute();

  const byCategory: TicketCategoryStats[] = TICKET_CATEGORIES.map(({ code, name }) => {
    const mine = counts.filter((c) => c.category === code);
    const total = sum(mine.map((c) => Number(c.n)));
    const resolved = sum(mine.filter((c) => c.status === 'resolved').map((c) => Number(c.n)));
    const r = ratings.find((x) => x.category === code);
    return {
      category: code,
      name,
      total,
      resolved,
      closureRate: rate(resolved, total),
      satisfactionRate: r ? rate(Number(r.satisfied), Number(r.rated)) : null,
    };
  }).filter((c) => c.total > 0);

  const total = sum(byCategory.map((c) => c.total));
  const resolved = sum(byCategory.map((c) => c.resolved));
  const hours = median(
    durations.map((d) => (Date.parse(d.first_resolved_at!) - Date.parse(d.created_at)) / HOUR_MS),
  );
  return {
    total,
    open: total - resolved,
    resolved,
    closureRate: rate(resolved, total),
    satisfactionRate: rate(
      sum(ratings.map((r) => Number(r.satisfied))),
      sum(ratings.map((r) => Number(r.rated))),
    ),
    medianHoursToResolve: hours === null ? null : Math.round(hours * 10) / 10,
    byCategory,
  };
}
