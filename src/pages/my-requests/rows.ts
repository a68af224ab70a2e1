import type { CitizenTicketSummary } from '@/domain/citizen';
import type { Ticket } from '@/domain/ticket';
import { getTicketKept, listStoredTickets } from '@/services/tickets';

/** What a card of 我的诉求 shows of a request: the server's list and a request's detail both have it. */
export type RequestView = Pick<Ticket, 'status' | 'category' | 'content' | 'dueAt' | 'resolvedAt'>;

export interface Row {
  ticketNo: string;
  createdAt: string;
  /** Null while it can't be reached (`error` says why). */
  ticket: RequestView | null;
  /** When the kept copy shown came from the server, when it is not fresh. */
  savedAt: string | null;
  error: string;
}

/** Each request this phone keeps, with its status now; one that can't be reached says why. */
export async function fetchPhoneRows(): Promise<Row[]> {
  return Promise.all(
    listStoredTickets().map(async (s): Promise<Row> => {
      const row = { ticketNo: s.ticketNo, createdAt: s.createdAt };
      try {
        const { data, offline, savedAt } = await getTicketKept(s.ticketNo, s.accessToken);
        return { ...row, ticket: data, savedAt: offline ? savedAt : null, error: '' };
      } catch (error) {
        return { ...row, ticket: null, savedAt: null, error: (error as Error).message };
      }
    }),
  );
}

/**
 * The phone's requests and the signed-in citizen's from the server, once each (the phone's copy wins: it is read
 * in full, and kept for offline), newest first.
 */
export function mergeRows(phone: Row[], server: CitizenTicketSummary[]): Row[] {
  const onPhone = new Set(phone.map((row) => row.ticketNo));
  const fromServer: Row[] = server
    .filter((item) => !onPhone.has(item.ticketNo))
    .map((item) => ({
      ticketNo: item.ticketNo,
      createdAt: item.createdAt,
      ticket: item,
      savedAt: null,
      error: '',
    }));
  return [...phone, ...fromServer].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
