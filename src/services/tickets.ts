import Taro from '@tarojs/taro';
import type { CitizenTicketSummary, LookupInput } from '@/domain/citizen';
import type { Page } from '@/domain/commitment';
import type { CreatedTicket, RatingScore, Ticket, TicketInput } from '@/domain/ticket';
import { cachedRequest, requestKey, type Fetched } from './cache';
import { citizenHeaders, citizenRequest } from './citizen';
import { request } from './http';

/** What this phone keeps of each request it sent: the number and the token that alone can read it. */
export interface StoredTicket {
  ticketNo: string;
  accessToken: string;
  createdAt: string;
}

const MINE_KEY = 'tickets.mine';

export function createTicket(input: TicketInput, idempotencyKey: string): Promise<CreatedTicket> {
  return request<CreatedTicket>('/api/tickets', {
    method: 'POST',
    data: input,
    // Signed in with WeChat, the request is the citizen's on any phone; a session the server no longer knows is
    // ignored there, never a refusal.
    headers: { 'Idempotency-Key': idempotencyKey, ...citizenHeaders() },
  });
}

/** The ticket's token, when this phone keeps one: sent beside the citizen's session (either opens the request). */
const tokenHeader = (accessToken: string | null): Record<string, string> =>
  accessToken ? { 'X-Ticket-Token': accessToken } : {};

export function getTicket(ticketNo: string, accessToken: string | null): Promise<Ticket> {
  return citizenRequest<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}`, {
    headers: tokenHeader(accessToken),
  });
}

/** The request now; with no network, as it was last seen on this phone (marked offline). */
export function getTicketKept(
  ticketNo: string,
  accessToken: string | null,
): Promise<Fetched<Ticket>> {
  return cachedRequest(`/api/tickets/${encodeURIComponent(ticketNo)}`, () =>
    getTicket(ticketNo, accessToken),
  );
}

export function rateTicket(
  ticketNo: string,
  accessToken: string | null,
  rating: { score: RatingScore; comment?: string },
): Promise<Ticket> {
  return citizenRequest<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}/rating`, {
    method: 'POST',
    data: rating,
    headers: tokenHeader(accessToken),
  });
}

/** The signed-in citizen's requests, from the server: newest first, a page at a time. */
export function listCitizenTickets(cursor: string | null): Promise<Page<CitizenTicketSummary>> {
  return citizenRequest<Page<CitizenTicketSummary>>(
    requestKey('/api/citizen/tickets', { limit: 20, cursor }),
  );
}

/**
 * A request filed on another phone, found by its number and the phone number given with it: this phone keeps the
 * new token it gets, as if it had filed the request. Throws the server's 404 (no such pair) or 429 (tried too often).
 */
export async function lookupTicket(input: LookupInput): Promise<StoredTicket> {
  const { accessToken } = await citizenRequest<{ accessToken: string }>('/api/tickets/lookup', {
    method: 'POST',
    data: input,
  });
  const ticket = await getTicket(input.ticketNo, accessToken);
  rememberTicket({ ticketNo: ticket.ticketNo, accessToken, createdAt: ticket.createdAt });
  return findStoredTicket(ticket.ticketNo)!;
}

/** This phone's requests, newest first. */
export function listStoredTickets(): StoredTicket[] {
  const value: unknown = Taro.getStorageSync(MINE_KEY);
  return Array.isArray(value) ? (value as StoredTicket[]) : [];
}

export function findStoredTicket(ticketNo: string): StoredTicket | undefined {
  return listStoredTickets().find((t) => t.ticketNo === ticketNo);
}

export function rememberTicket(
  ticket: Pick<CreatedTicket, 'ticketNo' | 'accessToken' | 'createdAt'>,
) {
  const others = listStoredTickets().filter((t) => t.ticketNo !== ticket.ticketNo);
  const stored: StoredTicket = {
    ticketNo: ticket.ticketNo,
    accessToken: ticket.accessToken,
    createdAt: ticket.createdAt,
  };
  Taro.setStorageSync(MINE_KEY, [stored, ...others]);
}
