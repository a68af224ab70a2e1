import type { Kysely } from 'kysely';
import type { District } from '../../../src/domain/districts';
import type {
  RatingScore,
  Ticket,
  TicketCategory,
  TicketEvent,
  TicketRating,
  TicketStatus,
  TicketSummary,
} from '../../../src/domain/ticket';
import { maskPhone } from '../../../src/domain/ticket-rules';
import type { Database, TicketsTable } from '../../db/tables';

/** Staff see the phone number in full, and a handed-over contact's email; its submitter sees the phone masked. */
export type TicketView = 'staff' | 'submitter';

/** The columns a ticket is made of (toTicket); a list reads these, not the token's hash or the counters. */
export const TICKET_COLUMNS = [
  'id',
  'ticket_no',
  'category',
  'content',
  'district',
  'address',
  'location_lat',
  'location_long',
  'commitment_id',
  'photos',
  'anonymous',
  'contact_name',
  'phone',
  'contact_email',
  'status',
  'created_at',
  'due_at',
  'resolved_at',
] as const satisfies ReadonlyArray<keyof TicketsTable>;

export type TicketRow = Pick<TicketsTable, (typeof TICKET_COLUMNS)[number]>;

/** A ticket as its row says, seen as `view` says: what the staff queue lists. */
export function toTicketSummary(row: TicketRow, view: TicketView): TicketSummary {
  return {
    ticketNo: row.ticket_no,
    category: row.category as TicketCategory,
    content: row.content,
    district: row.district as District,
    address: row.address,
    location:
      row.location_lat === null || row.location_long === null
        ? null
        : { lat: Number(row.location_lat), long: Number(row.location_long) },
    commitmentId: row.commitment_id,
    photos: JSON.parse(row.photos) as string[],
    anonymous: row.anonymous === 1,
    contactName: row.contact_name,
    phone: row.phone === null || view === 'staff' ? row.phone : maskPhone(row.phone),
    contactEmail: view === 'staff' ? row.contact_email : null,
    status: row.status as TicketStatus,
    createdAt: row.created_at,
    dueAt: row.due_at,
    resolvedAt: row.resolved_at,
  };
}

/** A ticket as its row, events and ratings say, seen as `view` says. */
export function toTicket(
  row: TicketRow,
  { events, ratings, view }: { events: TicketEvent[]; ratings: TicketRating[]; view: TicketView },
): Ticket {
  return { ...toTicketSummary(row, view), events, ratings };
}

/** Tickets of these rows, with their events and ratings (two queries, whatever the number of rows). */
export async function loadTickets(
  db: Kysely<Database>,
  { rows, view }: { rows: TicketsTable[]; view: TicketView },
): Promise<Ticket[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [eventRows, ratingRows] = await Promise.all([
    db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'status', 'note', 'actor', 'created_at'])
      .where('ticket_id', 'in', ids)
      .orderBy('ticket_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('ticket_ratings')
      .select(['ticket_id', 'score', 'comment', 'created_at'])
      .where('ticket_id', 'in', ids)
      .orderBy('ticket_id')
      .orderBy('resolution')
      .execute(),
  ]);
  const events = groupBy(eventRows, (r) => ({
    status: r.status as TicketStatus,
    note: r.note,
    actor: r.actor,
    createdAt: r.created_at,
  }));
  const ratings = groupBy(ratingRows, (r) => ({
    score: r.score as RatingScore,
    comment: r.comment,
    createdAt: r.created_at,
  }));
  return rows.map((row) =>
    toTicket(row, {
      events: events.get(row.id) ?? [],
      ratings: ratings.get(row.id) ?? [],
      view,
    }),
  );
}

export async function loadTicket(
  db: Kysely<Database>,
  { row, view }: { row: TicketsTable; view: TicketView },
): Promise<Ticket> {
  const [ticket] = await loadTickets(db, { rows: [row], view });
  return ticket;
}

function groupBy<R extends { ticket_id: string }, T>(rows: R[], map: (row: R) => T) {
  const byTicket = new Map<string, T[]>();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id) ?? [];
    list.push(map(row));
    byTicket.set(row.ticket_id, list);
  }
  return byTicket;
}
