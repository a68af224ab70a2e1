import { sql, type Kysely } from 'kysely';
import { beijingDate } from '../../src/domain/dates';
import { DISTRICTS } from '../../src/domain/districts';
import type { DatabaseDialect } from '../db/database';
import type { Database, TicketEventsTable, TicketRatingsTable, TicketsTable } from '../db/tables';
import { writeCommitmentUpdate } from '../repositories/commitment-updates';
import { findCommitments } from '../repositories/commitments';
import {
  addToCounters,
  insertRows,
  restoreIndexes,
  suspendIndexes,
} from '../repositories/bulk-load';
import {
  clearRequestsAndProgress,
  countRequestsAndUpdates,
  markSampleData,
  readSampleMark,
} from '../repositories/sample-data';
import { applyTallies } from '../repositories/tickets/tallies';
import { spreadOverYear } from './calendar';
import { addSampleTicket, newFigureSums } from './figures';
import { planProgress } from './progress';
import { Random } from './random';
import { sampleTicket } from './requests';
import { workerNames } from './texts';

/** The tables the generator fills row by row. */
const LOADED_TABLES = ['tickets', 'ticket_events', 'ticket_ratings'];

export interface SeedOptions {
  dialect: DatabaseDialect;
  /** How many requests, spread over the 12 months before `now`. */
  requests: number;
  now: Date;
  /** Run even on a database holding requests or progress updates the generator did not make (they are deleted). */
  force?: boolean;
  /** The same seed makes the same data. */
  seed?: number;
  /** Requests per transaction. */
  batch?: number;
  log?: (line: string) => void;
}

export type SeedResult =
  | { kind: 'seeded'; tickets: number; events: number; ratings: number; updates: number }
  | { kind: 'refused'; tickets: number; updates: number };

/**
 * Fills the database with sample data (docs/decisions/011): first empties what the generator made before, then
 * writes a plausible history of progress for the commitments, through the same code as a worker's post, and
 * `requests` requests with their events and ratings, each batch in one transaction with every figure it moves.
 * Refuses a database holding requests or updates it did not make, unless `force`.
 */
export async function seedSampleData(
  db: Kysely<Database>,
  { dialect, requests, now, force = false, seed = Date.now(), batch = 20_000, log }: SeedOptions,
): Promise<SeedResult> {
  const held = await countRequestsAndUpdates(db);
  const made = await readSampleMark(db);
  const foreign = held.tickets > (made?.tickets ?? 0) || held.updates > (made?.updates ?? 0);
  if (foreign && !force) return { kind: 'refused', ...held };

  const random = new Random(seed);
  await clearRequestsAndProgress(db, { dialect });
  const planned = planProgress(random, { commitments: await findCommitments(db, { now }), now });
  // Marked first: a run cut short leaves sample data, which the next run may replace without --force.
  const mark = { tickets: requests, updates: planned.length, seededAt: now.toISOString() };
  await markSampleData(db, { mark, now });
  await db.transaction().execute(async (trx) => {
    for (const { commitment, input, author, postedAt } of planned) {
      const written = await writeCommitmentUpdate(trx, {
        commitment,
        input,
        author,
        idempotency: null,
        now: postedAt,
      });
      if (written.kind !== 'created') throw new Error(`sample update not written: ${written.kind}`);
    }
  });
  log?.(`进展更新 ${planned.length} 条`);

  if (dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
  // Indexes are built once at the end: much faster than row by row.
  await suspendIndexes(db, { dialect, tables: LOADED_TABLES, now });
  const workers = workerNames(random, DISTRICTS);
  let buffer = { tickets: [] as TicketsTable[], events: [] as TicketEventsTable[] };
  let ratings: TicketRatingsTable[] = [];
  let sums = newFigureSums();
  const totals = { tickets: 0, events: 0, ratings: 0 };
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, { dialect, table: 'tickets', rows: buffer.tickets });
      await insertRows(trx, { dialect, table: 'ticket_events', rows: buffer.events });
      await insertRows(trx, { dialect, table: 'ticket_ratings', rows: ratings });
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
        await addToCounters(trx, {
          table,
          keys: [...keys],
          sums: [...columns],
          rows: [...rows.values()],
        });
      }
    });
    totals.tickets += buffer.tickets.length;
    totals.events += buffer.events.length;
    totals.ratings += ratings.length;
    log?.(`诉求 ${totals.tickets} / ${requests}`);
    buffer = { tickets: [], events: [] };
    ratings = [];
    sums = newFigureSums();
  };

  for (const { createdAt, serial } of spreadOverYear(random, { requests, now })) {
    const ticket = sampleTicket(random, { createdAt, serial, now, workers });
    buffer.tickets.push(ticket.row);
    buffer.events.push(...ticket.events);
    ratings.push(...ticket.ratings);
    addSampleTicket(sums, ticket);
    if (buffer.tickets.length >= batch) await flush();
  }
  if (buffer.tickets.length > 0) await flush();
  await restoreIndexes(db, { dialect });
  log?.('索引已重建');
  // Fresh statistics for PostgreSQL's planner after a bulk load (its autovacuum would get there later).
  if (dialect === 'postgres') await sql`analyze`.execute(db);
  log?.(`今天是 ${beijingDate(now)}`);
  return { kind: 'seeded', ...totals, updates: planned.length };
}
