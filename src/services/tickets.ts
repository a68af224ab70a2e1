import Taro from '@tarojs/taro';
import type { CreatedTicket, RatingScore, Ticket, TicketInput } from '@/domain/ticket';
import { cachedRequest, type Fetched } from './cache';
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
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getTicket(ticketNo: string, accessToken: string): Promise<Ticket> {
  return request<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}`, {
    headers: { 'X-Ticket-Token': accessToken },
  });
}

/** The request now; with no network, as it was last seen on this phone (marked offline). */
export function getTicketKept(ticketNo: string, accessToken: string): Promise<Fetched<Ticket>> {
  return cachedRequest(`/api/tickets/${encodeURIComponent(ticketNo)}`, () =>
    getTicket(ticketNo, accessToken),
  );
}

export function rateTicket(
  ticketNo: string,
  accessToken: string,
  rating: { score: RatingScore; comment?: string },
): Promise<Ticket> {
  return request<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}/rating`, {
    method: 'POST',
    data: rating,
    headers: { 'X-Ticket-Token': accessToken },
  });
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
