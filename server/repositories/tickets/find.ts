import type { Kysely } from 'kysely';
import { canActInDistrict, type Staff } from '../../../src/domain/staff';
import type { Ticket } from '../../../src/domain/ticket';
import type { Database, TicketsTable } from '../../db/tables';
import { holdsTicket } from './access';
import { loadTicket } from './assemble';

/** Ticket numbers are read aloud and typed in again: accept lower case and stray spaces. */
export function normalizeTicketNo(ticketNo: string): string {
  return ticketNo.trim().toUpperCase();
}

export async function findTicketRow(
  db: Kysely<Database>,
  { ticketNo }: { ticketNo: string },
): Promise<TicketsTable | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('ticket_no', '=', normalizeTicketNo(ticketNo))
    .executeTakeFirst();
}

/**
 * Who asks for a ticket: a staff member (of its district, or an admin), or whoever holds one of its access tokens
 * or the citizen session it is linked to (`holdsTicket`).
 */
export type TicketReader = { staff: Staff } | { token: string | null; citizenId?: string | null };

/**
 * The ticket, when this reader may see it; undefined otherwise, exactly as for a number that does not exist.
 * Outside a worker's district a ticket is as good as absent. A token is compared in constant time, against a dummy
 * hash for an unknown number, so that neither the answer nor its timing tells whether a number exists.
 */
export async function findTicket(
  db: Kysely<Database>,
  { ticketNo, reader }: { ticketNo: string; reader: TicketReader },
): Promise<Ticket | undefined> {
  const row = await findTicketRow(db, { ticketNo });
  if ('staff' in reader) {
    if (!row || !canActInDistrict(reader.staff, row.district)) return undefined;
    return loadTicket(db, { row, view: 'staff' });
  }
  if (!(await holdsTicket(db, { row, ...reader })) || !row) return undefined;
  return loadTicket(db, { row, view: 'submitter' });
}
