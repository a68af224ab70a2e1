import type { Kysely } from 'kysely';
import type { Ticket, TicketCategory, TicketStatus } from '../../../src/domain/ticket';
import type { Database, TicketsTable } from '../../db/tables';
import { loadTickets } from './assemble';
import { normalizeTicketNo } from './find';

/*
 * Requests and their events as another system asks for them (Open311): by number, or filed in a window of time;
 * the events of a window. Seen as staff see them: the route leaves the contact out.
 */

/** At most this many requests or events in one answer: a client asks for a narrower window. */
export const HANDOVER_PAGE_MAX = 1000;

/** Numbers asked for at once (clients send every open one); the database is asked in parts of this many. */
export const TICKET_NOS_MAX = 10_000;
const PART = 500;

export interface TicketWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface HandoverQuery {
  window: TicketWindow;
  categories?: TicketCategory[];
  /** `open` (not yet 已办结) or `closed`; both when left out. */
  states?: ('open' | 'closed')[];
}

function parts<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += PART) out.push(list.slice(i, i + PART));
  return out;
}

/** The requests of these numbers that exist, in the order asked; unknown numbers are left out. */
export async function findTicketsByNumbers(
  db: Kysely<Database>,
  { ticketNos }: { ticketNos: string[] },
): Promise<Ticket[]> {
  const wanted = [...new Set(ticketNos.map(normalizeTicketNo))];
  const found = new Map<string, Ticket>();
  for (const part of parts(wanted)) {
    const rows = await db
      .selectFrom('tickets')
      .selectAll()
      .where('ticket_no', 'in', part)
      .execute();
    for (const ticket of await loadTickets(db, { rows, view: 'staff' })) {
      found.set(ticket.ticketNo, ticket);
    }
  }
  return wanted.flatMap((no) => found.get(no) ?? []);
}

/** Requests filed in the window (newest first, at most HANDOVER_PAGE_MAX), of these categories and states. */
export async function findTicketsFiled(
  db: Kysely<Database>,
  { query }: { query: HandoverQuery },
): Promise<Ticket[]> {
  let select = db
    .selectFrom('tickets')
    .selectAll()
    .where('created_at', '>=', query.window.from.toISOString())
    .where('created_at', '<', query.window.to.toISOString());
  if (query.categories) select = select.where('category', 'in', query.categories);
  const states = new Set(query.states ?? []);
  if (states.size === 1) {
    select = select.where('status', states.has('closed') ? '=' : '!=', 'resolved');
  }
  const rows: TicketsTable[] = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HANDOVER_PAGE_MAX)
    .execute();
  return loadTickets(db, { rows, view: 'staff' });
}

/** One step of a request after its filing, as another system follows it. */
export interface TicketUpdate {
  /** The event's own id: unique, and the same every time it is read. */
  id: string;
  ticketNo: string;
  status: TicketStatus;
  note: string;
  createdAt: string;
}

/** Every step after the filing that happened in the window, oldest first, at most HANDOVER_PAGE_MAX. */
export async function findTicketUpdates(
  db: Kysely<Database>,
  { window }: { window: TicketWindow },
): Promise<TicketUpdate[]> {
  const rows = await db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'ticket_events.id',
      'tickets.ticket_no',
      'ticket_events.status',
      'ticket_events.note',
      'ticket_events.created_at',
    ])
    .where('ticket_events.created_at', '>=', window.from.toISOString())
    .where('ticket_events.created_at', '<', window.to.toISOString())
    .where('ticket_events.seq', '>', 1)
    .orderBy('ticket_events.created_at')
    .orderBy('ticket_events.id')
    .limit(HANDOVER_PAGE_MAX)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ticketNo: row.ticket_no,
    status: row.status as TicketStatus,
    note: row.note,
    createdAt: row.created_at,
  }));
}
