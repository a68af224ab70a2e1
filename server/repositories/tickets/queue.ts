import type { Kysely } from 'kysely';
import type { District } from '../../../src/domain/districts';
import type { Ticket, TicketCategory, TicketStatus } from '../../../src/domain/ticket';
import type { Database } from '../../db/tables';
import { loadTickets } from './assemble';

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

/**
 * The staff queue, most urgent (earliest due) first. The cursor is the last item's (due time, id): keyset
 * pagination stays correct while new requests arrive.
 */
export async function findTickets(
  db: Kysely<Database>,
  { query, now }: { query: TicketQuery; now: Date },
): Promise<{ items: Ticket[]; nextCursor: string | null; total: number }> {
  let base = db.selectFrom('tickets');
  if (query.district) base = base.where('district', '=', query.district);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.category) base = base.where('category', '=', query.category);
  if (query.overdue !== undefined) {
    const nowIso = now.toISOString();
    base = query.overdue
      ? base.where('status', '!=', 'resolved').where('due_at', '<', nowIso)
      : base.where((eb) => eb.or([eb('status', '=', 'resolved'), eb('due_at', '>=', nowIso)]));
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();

  let page = base.selectAll();
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    page = page.where((eb) =>
      eb.or([
        eb('due_at', '>', after.dueAt),
        eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('due_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: await loadTickets(db, { rows: pageRows, view: 'staff' }),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ dueAt: last.due_at, id: last.id }) : null,
    total: Number(total),
  };
}
