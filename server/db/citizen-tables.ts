/** Row types of citizens' tables (issue 15), listed in `Database` (tables.ts). Same conventions as there. */

/** Citizens signed in with WeChat (issue 15). The openid never leaves the server. */
export interface CitizensTable {
  id: string;
  openid: string;
  created_at: string;
}

/** A citizen's bearer sessions: only the SHA-256 of the token is stored; WeChat's session key never is. */
export interface CitizenSessionsTable {
  id: string;
  token_hash: string;
  citizen_id: string;
  created_at: string;
  expires_at: string;
}

/** The requests a citizen filed signed in, or proved theirs (lookup, a notice asked for). */
export interface CitizenTicketsTable {
  citizen_id: string;
  ticket_id: string;
  /** The request's filing time, for the order of 我的诉求. */
  filed_at: string;
}

/** More access tokens of a request, one per lookup by number and phone; hashes only. */
export interface TicketTokensTable {
  token_hash: string;
  ticket_id: string;
  created_at: string;
}

/** Lookups tried of one request number on one Beijing day, right or wrong. */
export interface TicketLookupsTable {
  ticket_no: string;
  day: string;
  tries: number;
}

/** A citizen's 允许 of one status notice for one request; `used_at` once a move took it. */
export interface TicketSubscriptionsTable {
  id: string;
  ticket_id: string;
  citizen_id: string;
  template_id: string;
  created_at: string;
  used_at: string | null;
}

/** The outbox of WeChat status notices, written with the move each tells of. */
export interface StatusNoticesTable {
  id: string;
  subscription_id: string;
  ticket_id: string;
  ticket_no: string;
  citizen_id: string;
  template_id: string;
  event_seq: number;
  status: string;
  note: string;
  moved_at: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
