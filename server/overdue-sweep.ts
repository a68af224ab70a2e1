import type { FastifyInstance } from 'fastify';
import { runEvery } from './housekeeping';
import { sweepOverdue } from './repositories/tickets';

/**
 * Requests pass their due time with nobody touching them: every minute, one process at a time (`runEvery`) counts
 * those that did in the tallies (repositories/tickets/overdue.ts), so that the staff queue's overdue totals stay a
 * lookup. Readers are exact meanwhile: they add what the sweep has not reached yet.
 */
export function countOverdueEveryMinute(app: FastifyInstance): void {
  runEvery(app, { everyMs: 60_000, what: 'count overdue requests' }, () =>
    sweepOverdue(app.db, { now: app.now() }),
  );
}
