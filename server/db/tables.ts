import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  CitizenSessionsTable,
  CitizensTable,
  CitizenTicketsTable,
  StatusNoticesTable,
  TicketLookupsTable,
  TicketSubscriptionsTable,
  TicketTokensTable,
} from './citizen-tables';
import type {
  HousekeepingRunsTable,
  RateLimitsTable,
  UploadBlobsTable,
  UploadUsageTable,
} from './shared-state-tables';

/** Row types. Timestamps are ISO 8601 strings in UTC; ids are made by the app; lists are JSON text. */
export interface CommitmentsTable {
  id: string;
  sort_order: number;
  category: string;
  title: string;
  quote: string;
  section: string;
  target_value: number | null;
  target_unit: string | null;
  target_qualifier: string | null;
  baseline_value: number | null;
  baseline_unit: string | null;
  baseline_quote: string | null;
  deadline: string;
  /** Progress: null until the first update. */
  current_value: number | null;
  progress_percent: number | null;
  updated_at: string | null;
  /** The day the current figure describes (the latest as_of), when that figure was posted (ties go to the later
   * post), and the first day the target was reached. */
  current_as_of: string | null;
  current_posted_at: string | null;
  reached_on: string | null;
}

export interface CommitmentUpdatesTable {
  id: string;
  commitment_id: string;
  author_id: string | null;
  author_name: string;
  author_role: string;
  value: number | null;
  percent: number;
  note: string;
  photos: string;
  /** The Beijing day the figure describes (YYYY-MM-DD). Added by a migration that fills it; always written. */
  as_of: string;
  created_at: string;
  /** The poster's Idempotency-Key and a hash of what they sent with it; null for posts without one. */
  idempotency_key: string | null;
  request_hash: string | null;
}

/** Worker and admin accounts (issue 6). Passwords as scrypt hashes; `disabled` 0/1. */
export interface StaffTable {
  id: string;
  username: string;
  name: string;
  role: string;
  district: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** Keys of the systems that use Open311 (migration 2026-11-30-06): only the SHA-256 of a key; `allow` JSON CIDRs. */
export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  allow: string;
  created_at: string;
  revoked_at: string | null;
}

/** Bearer sessions: only the SHA-256 of the token is stored. */
export interface StaffSessionsTable {
  id: string;
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Failed sign-ins, per username and address, for throttling. */
export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  created_at: string;
}

export interface TicketsTable {
  id: string;
  ticket_no: string;
  token_hash: string;
  category: string;
  content: string;
  district: string;
  address: string | null;
  commitment_id: string | null;
  photos: string;
  anonymous: number;
  contact_name: string | null;
  phone: string | null;
  status: string;
  created_at: string;
  due_at: string;
  resolved_at: string | null;
  first_resolved_at: string | null;
  resolution_count: number;
  event_count: number;
  /** A place on the map (migration 2026-11-30-05): both or neither. */
  location_lat: number | null;
  location_long: number | null;
  /** A handed-over request's contact email, and the API key it came through (Open311). */
  contact_email: string | null;
  source_key_id: string | null;
  /** 1 once the overdue sweep has counted it, while open, in ticket_tallies.overdue (migration 2026-11-30-02). */
  overdue_counted: number;
}

/** Requests per district, category and status, and how many open ones the sweep has counted overdue. */
export interface TicketTalliesTable {
  district: string;
  category: string;
  status: string;
  tickets: number;
  overdue: number;
}

/** Ratings given, and how many satisfied, per district and category. */
export interface TicketRatingTalliesTable {
  district: string;
  category: string;
  rated: number;
  satisfied: number;
}

/** Requests by whole hours from filing to their first 已办结 (for the median). */
export interface TicketResolveHoursTable {
  hour: number;
  tickets: number;
}

/** Facts about the database as a whole (migration 2026-11-30-03), e.g. `sample_data`. */
export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  seq: number;
  status: string;
  note: string;
  actor: string;
  actor_id: string | null;
  created_at: string;
}

export interface TicketRatingsTable {
  id: string;
  ticket_id: string;
  resolution: number;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface TicketIdempotencyKeysTable {
  key_hash: string;
  request_hash: string;
  ticket_id: string;
  token_box: string;
  created_at: string;
}

export interface UploadsTable {
  name: string;
  content_type: string;
  size: number;
  created_at: string;
  /** When a request or a progress update first used it; null while unused (deleted after a while). */
  attached_at: string | null;
}

/** The 数据 page's maintained figures (migration 2026-11-30-09): weeks and months are Beijing ones. */
export interface TicketWeekFiguresTable {
  week: string;
  category: string;
  filed: number;
}

export interface TicketMonthFiguresTable {
  month: string;
  category: string;
  district: string;
  /** By the month of filing: requests filed, and how many of them are 已办结 now. */
  filed: number;
  closed: number;
  /** By the month of the rating. */
  rated: number;
  satisfied: number;
}

/** Hours from filing to the first 已办结, in whole-hour buckets, by the month of that resolution. */
export interface TicketMonthHoursTable {
  month: string;
  hours: number;
  tickets: number;
}

/** An applied import of progress from a spreadsheet, once per admin and Idempotency-Key. */
export interface ProgressImportsTable {
  id: string;
  author_id: string;
  idempotency_key: string;
  request_hash: string;
  rows: number;
  imported: number;
  created_at: string;
}

export interface Database {
  commitments: CommitmentsTable;
  commitment_updates: CommitmentUpdatesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_ratings: TicketRatingsTable;
  ticket_idempotency_keys: TicketIdempotencyKeysTable;
  uploads: UploadsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
  api_keys: ApiKeysTable;
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_tickets: CitizenTicketsTable;
  ticket_tokens: TicketTokensTable;
  ticket_lookups: TicketLookupsTable;
  ticket_subscriptions: TicketSubscriptionsTable;
  status_notices: StatusNoticesTable;
  ticket_week_figures: TicketWeekFiguresTable;
  ticket_month_figures: TicketMonthFiguresTable;
  ticket_month_hours: TicketMonthHoursTable;
  progress_imports: ProgressImportsTable;
  ticket_tallies: TicketTalliesTable;
  ticket_rating_tallies: TicketRatingTalliesTable;
  ticket_resolve_hours: TicketResolveHoursTable;
  app_settings: AppSettingsTable;
  upload_blobs: UploadBlobsTable;
  upload_usage: UploadUsageTable;
  rate_limits: RateLimitsTable;
  housekeeping_runs: HousekeepingRunsTable;
}

export type CommitmentRow = Selectable<CommitmentsTable>;
export type NewCommitmentRow = Insertable<CommitmentsTable>;
export type CommitmentUpdateRow = Selectable<CommitmentUpdatesTable>;
// Generated is re-exported for tables that later use database defaults.
export type { Generated };
