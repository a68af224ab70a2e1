import type { TicketNotifications } from '@/domain/citizen';
import type { CommitmentUpdate, Page } from '@/domain/commitment';
import type { Ticket, TicketCategory, TicketStatus, TicketSummary } from '@/domain/ticket';
import type { CommitmentUpdateInput } from '@/domain/update-rules';
import { staffRequest } from './auth';
import { requestKey } from './cache';

/**
 * Posts a progress update; the commitment's progress moves with it on the server. The same key with the same
 * update is published once, however often it is resent.
 */
export function postCommitmentUpdate(
  commitmentId: string,
  input: CommitmentUpdateInput,
  idempotencyKey: string,
): Promise<CommitmentUpdate> {
  return staffRequest<CommitmentUpdate>(
    `/api/commitments/${encodeURIComponent(commitmentId)}/updates`,
    { method: 'POST', data: input, headers: { 'Idempotency-Key': idempotencyKey } },
  );
}

export interface TicketQueueFilter {
  status?: TicketStatus;
  category?: TicketCategory;
  overdue?: boolean;
}

/**
 * The worker's queue: their district's requests (everything for an admin), oldest due first as the server orders,
 * without their events and ratings (getStaffTicket has them).
 */
export function listTicketQueue(
  filter: TicketQueueFilter,
  cursor: string | null = null,
  limit = 20,
): Promise<Page<TicketSummary>> {
  return staffRequest<Page<TicketSummary>>(
    requestKey('/api/tickets', {
      status: filter.status,
      category: filter.category,
      overdue: filter.overdue ? 'true' : undefined,
      limit,
      cursor,
    }),
  );
}

/** Whether the citizen was told of each move in WeChat (issue 15). */
export function getTicketNotifications(ticketNo: string): Promise<TicketNotifications> {
  return staffRequest<TicketNotifications>(
    `/api/tickets/${encodeURIComponent(ticketNo)}/notifications`,
  );
}

/** A request with full contact details, as staff see it. */
export function getStaffTicket(ticketNo: string): Promise<Ticket> {
  return staffRequest<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}`);
}

/** 派单 / 开始办理 / 回复 / 办结: one event with a note; 409 invalid_transition when the move is not allowed. */
export function addTicketEvent(
  ticketNo: string,
  event: { status: TicketStatus; note: string },
): Promise<Ticket> {
  return staffRequest<Ticket>(`/api/tickets/${encodeURIComponent(ticketNo)}/events`, {
    method: 'POST',
    data: event,
  });
}
