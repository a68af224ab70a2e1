import { sql, type Kysely } from 'kysely';
import type { District } from '../../../src/domain/districts';
import {
  TICKET_STATUSES,
  type TicketCategory,
  type TicketStatus,
  type TicketSummary,
} from '../../../src/domain/ticket';
import type { Database } from '../../db/tables';
import { compiledOnce } from '../../db/compiled-once';
import { TICKET_COLUMNS, toTicketSummary } from './assemble';
import { overdueQueries } from './overdue';

export interface TicketQuery {
  /** A worker's district; undefined for an admin (all districts). */
  district?: District;
  status?: TicketStatus;
  category?: TicketCategory;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

interface QueueCursor {
  dueAt: string;
  id: string;
}

function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.id])).toString('base64url');
}

/** The cursor of a page, or null when it is not one this server made. */
export function decodeCursor(cursor: string): QueueCursor | null {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    return typeof dueAt === 'string' && typeof id === 'string' ? { dueAt, id } : null;
  } catch {
    return null;
  }
}

const ALL_STATUSES: TicketStatus[] = TICKET_STATUSES.map((s) => s.code);

/**
 * A query of the queue as its statements take it: the filters, and the values each statement reads as parameters
 * (`now`, the cursor's key, how many rows to take: a page and one more). The statements are compiled once for each
 * shape (compiledOnce): `status` and `overdue` choose their index ranges; the rest only whether it is given.
 */
export interface QueueInput {
  district?: District;
  category?: TicketCategory;
  status?: TicketStatus;
  overdue?: boolean;
  now: string;
  afterDueAt?: string;
  afterId?: string;
  take: number;
}

const SHAPE_KEYS = ['status', 'overdue'] as const;

/** The input of the statements of a query, as of `now`. */
export function queueInput(query: TicketQuery, now: Date): QueueInput {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  return {
    district: query.district,
    category: query.category,
    status: query.status,
    overdue: query.overdue,
    now: now.toISOString(),
    afterDueAt: after?.dueAt,
    afterId: after?.id,
    take: query.limit + 1,
  };
}

/** The statuses a query reaches, and for each the due times it takes (overdue: before `now`; not: from `now`). */
function statusRanges(input: QueueInput) {
  const statuses = input.status ? [input.status] : ALL_STATUSES;
  return statuses.flatMap((status) => {
    const open = status !== 'resolved';
    if (input.overdue === true && !open) return [];
    const due = !open || input.overdue === undefined ? 'any' : input.overdue ? 'before' : 'from';
    return [{ status, due: due as 'any' | 'before' | 'from' }];
  });
}

/**
 * One index range per status the query reaches (indexes of migration 2026-11-30-02: [district] [category] status,
 * then due_at, id), each read from the cursor on for one page at most. Exported for the test that checks the plans.
 */
export function queueRangeQueries(db: Kysely<Database>, input: QueueInput) {
  return statusRanges(input).map(({ status, due }) => {
    // Keys only: read from the index itself; the page's rows are read once the ranges are merged.
    let range = db.selectFrom('tickets').select(['due_at', 'id']);
    if (input.district) range = range.where('district', '=', input.district);
    if (input.category) range = range.where('category', '=', input.category);
    range = range.where('status', '=', status);
    if (due === 'before') range = range.where('due_at', '<', input.now);
    if (due === 'from') range = range.where('due_at', '>=', input.now);
    const { afterDueAt, afterId } = input;
    if (afterDueAt !== undefined && afterId !== undefined) {
      range = range.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('due_at', 'id'), '>', tuple(afterDueAt, afterId)),
      );
    }
    return range.orderBy('due_at').orderBy('id').limit(input.take);
  });
}

/**
 * The rows a count is added up from, in one statement: the query's cells of the tallies summed by status, and for
 * `overdue` the open requests past due that the sweep has not counted (`missing`, by cell) and those it counted
 * ahead of a clock set back (`ahead`), each on the small partial index, whatever the query's filters (see
 * overdue.ts; filtered there, SQLite would take a cell's index and read every request past due in it).
 */
export function countQueueQuery(db: Kysely<Database>, input: QueueInput) {
  let cells = db
    .selectFrom('ticket_tallies')
    .select([
      sql.lit('cells').as('part'),
      'status',
      sql.lit('').as('district'),
      sql.lit('').as('category'),
    ])
    .select((eb) => [
      eb.fn.sum<number>('tickets').as('n'),
      eb.fn.sum<number>('overdue').as('overdue'),
    ])
    .groupBy('status');
  if (input.district) cells = cells.where('district', '=', input.district);
  if (input.category) cells = cells.where('category', '=', input.category);
  if (input.status) cells = cells.where('status', '=', input.status);
  if (input.overdue === undefined) return cells;
  const [missing, ahead] = overdueQueries(db, { now: input.now }).map((corrections, i) =>
    corrections.select([
      sql.lit(i === 0 ? 'missing' : 'ahead').as('part'),
      sql.lit(0).as('overdue'),
    ]),
  );
  return cells
    .unionAll(
      db
        .selectFrom(missing.as('missing'))
        .select(['part', 'status', 'district', 'category', 'n', 'overdue']),
    )
    .unionAll(
      db
        .selectFrom(ahead.as('ahead'))
        .select(['part', 'status', 'district', 'category', 'n', 'overdue']),
    );
}

const countStatement = compiledOnce(SHAPE_KEYS, countQueueQuery);

/** How many requests the query finds, from the tallies (countQueueQuery), corrected to `now` for `overdue`. */
async function countQueue(db: Kysely<Database>, input: QueueInput): Promise<number> {
  const { rows } = await db.executeQuery(countStatement(db, input));
  const sum = (list: typeof rows, of: (row: (typeof rows)[number]) => number | string) =>
    list.reduce((total, row) => total + Number(of(row)), 0);
  const cells = rows.filter((r) => r.part === 'cells');
  const all = sum(cells, (r) => r.n);
  if (input.overdue === undefined) return all;

  const reached = (c: { district: string; category: string; status: string }) =>
    c.status !== 'resolved' &&
    (!input.status || c.status === input.status) &&
    (!input.district || c.district === input.district) &&
    (!input.category || c.category === input.category);
  const overdue =
    sum(
      cells.filter((r) => r.status !== 'resolved'),
      (r) => r.overdue,
    ) +
    sum(
      rows.filter((r) => r.part === 'missing' && reached(r)),
      (r) => r.n,
    ) -
    sum(
      rows.filter((r) => r.part === 'ahead' && reached(r)),
      (r) => r.n,
    );
  return input.overdue ? overdue : all - overdue;
}

/**
 * A page of the queue in one statement: the key ranges (queueRangeQueries), merged and cut to one page and one more
 * (which says whether there is a next page), then those requests' rows. Not their events and ratings: the queue
 * does not show them, and building them cost a third of a page's time (decision 011).
 */
export function queuePageQuery(db: Kysely<Database>, input: QueueInput) {
  const ranges = queueRangeQueries(db, input).map((range, i) =>
    db.selectFrom(range.as(`range${i}`)).select(['due_at', 'id']),
  );
  if (ranges.length === 0) return null;
  const keys = ranges.slice(1).reduce((union, range) => union.unionAll(range), ranges[0]);
  const page = db
    .selectFrom(keys.as('keys'))
    .select('id')
    .orderBy('due_at')
    .orderBy('id')
    .limit(input.take);
  return db
    .selectFrom('tickets')
    .innerJoin(page.as('page'), 'page.id', 'tickets.id')
    .select(TICKET_COLUMNS.map((column) => `tickets.${column}` as const))
    .orderBy('tickets.due_at')
    .orderBy('tickets.id');
}

const pageStatement = compiledOnce(SHAPE_KEYS, queuePageQuery);

/**
 * The staff queue, most urgent (earliest due) first. The cursor is the last item's (due time, id): keyset
 * pagination stays correct while new requests arrive. A page costs a few index ranges of one page each, read in
 * one statement with the page's rows, and the total comes from the tallies: neither grows with the number of
 * requests.
 */
export async function findTickets(
  db: Kysely<Database>,
  { query, now }: { query: TicketQuery; now: Date },
): Promise<{ items: TicketSummary[]; nextCursor: string | null; total: number }> {
  const input = queueInput(query, now);
  const page = pageStatement(db, input);
  // Both at once: on PostgreSQL they go on connections of their own.
  const [rows, total] = await Promise.all([
    page ? db.executeQuery(page).then((result) => result.rows) : [],
    countQueue(db, input),
  ]);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((row) => toTicketSummary(row, 'staff')),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ dueAt: last.due_at, id: last.id }) : null,
    total,
  };
}
