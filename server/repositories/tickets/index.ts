/** The tickets repository: one file per concern, and this list of what the rest of the server may call. */
export { createTicket, type CreateTicketResult } from './create';
export { findTicket, type TicketReader } from './find';
export { addTicketEvent, rateTicket, type MoveTicketResult } from './moves';
export { decodeCursor, findTickets, type TicketQuery } from './queue';
export { getTicketStats } from './stats';
export { sweepOverdue } from './overdue';
export { deleteExpiredIdempotencyKeys, isKnownIdempotencyKey } from './idempotency-keys';
export { deleteOldLookups, lookupTicket, type LookupResult } from './lookup';
export type { TicketSource } from './new-ticket';
export {
  findTicketUpdates,
  findTicketsByNumbers,
  findTicketsFiled,
  HANDOVER_PAGE_MAX,
  TICKET_NOS_MAX,
  type HandoverQuery,
  type TicketUpdate,
  type TicketWindow,
} from './handover';
