import { sql, type Transaction } from 'kysely';
import { hoursBucket } from '../../../src/domain/figures';
import { isSatisfied, type RatingScore } from '../../../src/domain/ticket';
import type { Database, TicketsTable } from '../../db/tables';

/*
 * The request figures of /api/stats and the staff queue's totals, maintained in the transaction of the change that
 * moves them (migration 2026-11-30-02, docs/decisions/011): requests per district, category and status, and how many
 * of the open ones the overdue sweep has counted; ratings per district and category; the hours to the first
 * resolution in whole-hour buckets. A change is first worked out as deltas (pure, so the sample-data generator adds
 * up the same way), then written as one upsert per table.
 */

/** What of a request the tallies count. */
export type TalliedTicket = Pick<
  TicketsTable,
  'district' | 'category' | 'status' | 'overdue_counted' | 'created_at' | 'first_resolved_at'
>;

interface CellDelta {
  district: string;
  category: string;
  status: string;
  tickets: number;
  overdue: number;
}

interface RatingDelta {
  district: string;
  category: string;
  rated: number;
  satisfied: number;
}

export interface TallyDeltas {
  cells: Map<string, CellDelta>;
  ratings: Map<string, RatingDelta>;
  /** Whole hours to the first resolution → requests. */
  hours: Map<number, number>;
}

export function newTallyDeltas(): TallyDeltas {
  return { cells: new Map(), ratings: new Map(), hours: new Map() };
}

/** Open and counted by the sweep: one of its cell's `overdue`. */
export function isCountedOverdue(ticket: Pick<TicketsTable, 'status' | 'overdue_counted'>) {
  return ticket.status !== 'resolved' && ticket.overdue_counted === 1;
}

function addToCell(deltas: TallyDeltas, ticket: TalliedTicket, tickets: number, overdue: number) {
  const key = `${ticket.district}\u0000${ticket.category}\u0000${ticket.status}`;
  const cell = deltas.cells.get(key) ?? {
    district: ticket.district,
    category: ticket.category,
    status: ticket.status,
    tickets: 0,
    overdue: 0,
  };
  cell.tickets += tickets;
  cell.overdue += overdue;
  deltas.cells.set(key, cell);
}

/** A request filed (`before` null) or moved from `before` to `after`: its cell, overdue count and first resolution. */
export function tallyTicketChange(
  deltas: TallyDeltas,
  before: TalliedTicket | null,
  after: TalliedTicket,
): void {
  if (before) addToCell(deltas, before, -1, isCountedOverdue(before) ? -1 : 0);
  addToCell(deltas, after, 1, isCountedOverdue(after) ? 1 : 0);
  if (!before?.first_resolved_at && after.first_resolved_at) {
    const hour = hoursBucket(after.created_at, after.first_resolved_at);
    deltas.hours.set(hour, (deltas.hours.get(hour) ?? 0) + 1);
  }
}

/** The sweep counted an open request overdue: one more overdue in its cell. */
export function tallyOverdue(deltas: TallyDeltas, ticket: TalliedTicket): void {
  addToCell(deltas, ticket, 0, 1);
}

/** A rating of a request: one more rated, and satisfied for 满意 and 基本满意. */
export function tallyRating(
  deltas: TallyDeltas,
  ticket: Pick<TicketsTable, 'district' | 'category'>,
  score: RatingScore,
): void {
  const key = `${ticket.district}\u0000${ticket.category}`;
  const cell = deltas.ratings.get(key) ?? {
    district: ticket.district,
    category: ticket.category,
    rated: 0,
    satisfied: 0,
  };
  cell.rated += 1;
  cell.satisfied += isSatisfied(score) ? 1 : 0;
  deltas.ratings.set(key, cell);
}

/** Entries that change something, in key order: concurrent writers take the rows' locks in the same order. */
function changes<K extends string | number, V>(map: Map<K, V>, moves: (v: V) => boolean): V[] {
  return [...map.entries()]
    .filter(([, value]) => moves(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
}

let writes = 0;

/**
 * How many times this process has written the tallies: what is read of them stays good while this stays the same
 * (in this process; another process's writes are not counted, see routes/api/stats.ts).
 */
export function tallyWrites(): number {
  return writes;
}

/** For a write to the tallies that does not go through `applyTallies` (the sample data's clearing). */
export function noteTallyWrite(): void {
  writes += 1;
}

/** Adds the deltas to the tallies: one upsert per table, rows made on first use. */
export async function applyTallies(trx: Transaction<Database>, deltas: TallyDeltas): Promise<void> {
  writes += 1;
  const cells = changes(deltas.cells, (c) => c.tickets !== 0 || c.overdue !== 0);
  if (cells.length > 0) {
    await trx
      .insertInto('ticket_tallies')
      .values(cells)
      .onConflict((oc) =>
        oc.columns(['district', 'category', 'status']).doUpdateSet({
          tickets: sql`ticket_tallies.tickets + excluded.tickets`,
          overdue: sql`ticket_tallies.overdue + excluded.overdue`,
        }),
      )
      .execute();
  }
  const ratings = changes(deltas.ratings, (r) => r.rated !== 0);
  if (ratings.length > 0) {
    await trx
      .insertInto('ticket_rating_tallies')
      .values(ratings)
      .onConflict((oc) =>
        oc.columns(['district', 'category']).doUpdateSet({
          rated: sql`ticket_rating_tallies.rated + excluded.rated`,
          satisfied: sql`ticket_rating_tallies.satisfied + excluded.satisfied`,
        }),
      )
      .execute();
  }
  const hours = [...deltas.hours.entries()]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a - b)
    .map(([hour, tickets]) => ({ hour, tickets }));
  if (hours.length > 0) {
    await trx
      .insertInto('ticket_resolve_hours')
      .values(hours)
      .onConflict((oc) =>
        oc.column('hour').doUpdateSet({
          tickets: sql`ticket_resolve_hours.tickets + excluded.tickets`,
        }),
      )
      .execute();
  }
}

/** One request filed or moved, counted in the caller's transaction. */
export async function countTicketChange(
  trx: Transaction<Database>,
  { before, after }: { before: TalliedTicket | null; after: TalliedTicket },
): Promise<void> {
  const deltas = newTallyDeltas();
  tallyTicketChange(deltas, before, after);
  await applyTallies(trx, deltas);
}

/** One rating, counted in the caller's transaction. */
export async function countRating(
  trx: Transaction<Database>,
  { ticket, score }: { ticket: Pick<TicketsTable, 'district' | 'category'>; score: RatingScore },
): Promise<void> {
  const deltas = newTallyDeltas();
  tallyRating(deltas, ticket, score);
  await applyTallies(trx, deltas);
}
