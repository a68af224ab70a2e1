import type { Generated, Insertable, Selectable } from 'kysely';

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
  created_at: string;
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

export interface Database {
  commitments: CommitmentsTable;
  commitment_updates: CommitmentUpdatesTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
}

export type CommitmentRow = Selectable<CommitmentsTable>;
export type NewCommitmentRow = Insertable<CommitmentsTable>;
export type CommitmentUpdateRow = Selectable<CommitmentUpdatesTable>;
// Generated is re-exported for tables that later use database defaults.
export type { Generated };
