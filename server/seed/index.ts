import { sql, type Kysely } from 'kysely';
import { beijingDate } from '../../src/domain/dates';
import { DISTRICTS } from '../../src/domain/districts';
import type { DatabaseDialect } from '../db/database';
import type { Database } from '../db/tables';
import { writeCommitmentUpdate } from '../repositories/commitment-updates';
import { findCommitments } from '../repositories/commitments';
import { restoreIndexes, suspendIndexes } from '../repositories/bulk-load';
import {
  clearRequestsAndProgress,
  countRequestsAndUpdates,
  markSampleData,
  readSampleMark,
} from '../repositories/sample-data';
import { spreadOverYear } from './calendar';
import { addNewTicket } from '../repositories/figure-sums';
import { planProgress } from './progress';
import { Random } from './random';
import { sampleTicket } from './requests';
import { newSampleBatch, writeSampleBatch } from './write';
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
  {
    dialect,
    requests,
    now,
    force = false,
    seed = Date.now(),
    batch: batchSize = 20_000,
    log,
  }: SeedOptions,
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
  const totals = { tickets: 0, events: 0, ratings: 0 };
  let batch = newSampleBatch();
  let writing: Promise<void> = Promise.resolve();
  /** Hands the batch over to be written after the one before, and goes on making the next meanwhile. */
  const flush = async () => {
    const full = batch;
    batch = newSampleBatch();
    await writing;
    writing = writeSampleBatch(db, { dialect, batch: full }).then(() => {
      totals.tickets += full.tickets.length;
      totals.events += full.events.length;
      totals.ratings += full.ratings.length;
      log?.(`诉求 ${totals.tickets} / ${requests}`);
    });
    // Seen at the next await: meanwhile not an unhandled rejection.
    writing.catch(() => undefined);
  };

  for (const { createdAt, serial } of spreadOverYear(random, { requests, now })) {
    const ticket = sampleTicket(random, { createdAt, serial, now, workers });
    batch.tickets.push(ticket.row);
    batch.events.push(...ticket.events);
    batch.ratings.push(...ticket.ratings);
    addNewTicket(batch.sums, ticket);
    if (batch.tickets.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  await restoreIndexes(db, { dialect });
  log?.('索引已重建');
  // Fresh statistics for PostgreSQL's planner after a bulk load (its autovacuum would get there later).
  if (dialect === 'postgres') await sql`analyze`.execute(db);
  log?.(`今天是 ${beijingDate(now)}`);
  return { kind: 'seeded', ...totals, updates: planned.length };
}
