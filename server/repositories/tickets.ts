import type { Kysely } from 'kysely';
import type { TicketStats } from '../../src/domain/stats';
import type { Database } from '../db/tables';

/** Figures of the 民呼必应 requests. */
export async function getTicketStats(_db: Kysely<Database>): Promise<TicketStats> {
  // The tickets table arrives with the request form (issue 5); until then there are none.
  return {
    total: 0,
    open: 0,
    resolved: 0,
    closureRate: null,
    satisfactionRate: null,
    medianHoursToResolve: null,
  };
}
