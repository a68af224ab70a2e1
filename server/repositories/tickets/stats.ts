import type { Kysely } from 'kysely';
import { medianOfBuckets, share } from '../../../src/domain/figures';
import type { TicketCategoryStats, TicketStats } from '../../../src/domain/stats';
import { TICKET_CATEGORIES } from '../../../src/domain/ticket';
import type { Database } from '../../db/tables';

const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

/**
 * Figures of the 民呼必应 requests, overall and per category, from the tallies kept with every change (tallies.ts):
 * a few hundred rows at most, whatever the number of requests. The median time to the first resolution comes from
 * the whole-hour distribution, to within an hour.
 */
export async function getTicketStats(db: Kysely<Database>): Promise<TicketStats> {
  const [counts, ratings, hours] = await Promise.all([
    db
      .selectFrom('ticket_tallies')
      .select(['category', 'status'])
      .select((eb) => eb.fn.sum<number>('tickets').as('n'))
      .groupBy(['category', 'status'])
      .execute(),
    db
      .selectFrom('ticket_rating_tallies')
      .select('category')
      .select((eb) => [
        eb.fn.sum<number>('rated').as('rated'),
        eb.fn.sum<number>('satisfied').as('satisfied'),
      ])
      .groupBy('category')
      .execute(),
    db.selectFrom('ticket_resolve_hours').select(['hour', 'tickets']).execute(),
  ]);

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
      closureRate: share(resolved, total),
      satisfactionRate: r ? share(Number(r.satisfied), Number(r.rated)) : null,
    };
  }).filter((c) => c.total > 0);

  const total = sum(byCategory.map((c) => c.total));
  const resolved = sum(byCategory.map((c) => c.resolved));
  const median = medianOfBuckets(
    hours.map((h) => ({ hours: Number(h.hour), count: Number(h.tickets) })),
  );
  return {
    total,
    open: total - resolved,
    resolved,
    closureRate: share(resolved, total),
    satisfactionRate: share(
      sum(ratings.map((r) => Number(r.satisfied))),
      sum(ratings.map((r) => Number(r.rated))),
    ),
    medianHoursToResolve: median === null ? null : Math.round(median * 10) / 10,
    byCategory,
  };
}
