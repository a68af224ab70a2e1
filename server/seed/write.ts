import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../db/database';
import type { Database, TicketEventsTable, TicketRatingsTable, TicketsTable } from '../db/tables';
import { addToCounters, insertRows } from '../repositories/bulk-load';
import { applyTallies } from '../repositories/tickets/tallies';
import { newFigureSums, type FigureSums } from './figures';

/** A batch of sample requests, with every figure they move. */
export interface SampleBatch {
  tickets: TicketsTable[];
  events: TicketEventsTable[];
  ratings: TicketRatingsTable[];
  sums: FigureSums;
}

export function newSampleBatch(): SampleBatch {
  return { tickets: [], events: [], ratings: [], sums: newFigureSums() };
}

/** Writes a batch in one transaction: its rows, and what it adds to every kept figure. */
export async function writeSampleBatch(
  db: Kysely<Database>,
  { dialect, batch }: { dialect: DatabaseDialect; batch: SampleBatch },
): Promise<void> {
  const { sums } = batch;
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, { dialect, table: 'tickets', rows: batch.tickets });
    await insertRows(trx, { dialect, table: 'ticket_events', rows: batch.events });
    await insertRows(trx, { dialect, table: 'ticket_ratings', rows: batch.ratings });
    await applyTallies(trx, sums.tallies);
    const counters = [
      {
        table: 'ticket_week_figures',
        keys: ['week', 'category'],
        sums: ['filed'],
        rows: sums.weeks,
      },
      {
        table: 'ticket_month_figures',
        keys: ['month', 'category', 'district'],
        sums: ['filed', 'closed', 'rated', 'satisfied'],
        rows: sums.months,
      },
      {
        table: 'ticket_month_hours',
        keys: ['month', 'hours'],
        sums: ['tickets'],
        rows: sums.hours,
      },
    ] as const;
    for (const { table, keys, sums: columns, rows } of counters) {
      const values = [...rows.values()];
      await addToCounters(trx, { table, keys: [...keys], sums: [...columns], rows: values });
    }
  });
}
