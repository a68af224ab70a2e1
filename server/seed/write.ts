import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../db/database';
import type { Database, TicketEventsTable, TicketRatingsTable, TicketsTable } from '../db/tables';
import { insertRows } from '../repositories/bulk-load';
import { newFigureSums, writeFigureSums, type FigureSums } from '../repositories/figure-sums';

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
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, { dialect, table: 'tickets', rows: batch.tickets });
    await insertRows(trx, { dialect, table: 'ticket_events', rows: batch.events });
    await insertRows(trx, { dialect, table: 'ticket_ratings', rows: batch.ratings });
    await writeFigureSums(trx, batch.sums);
  });
}
