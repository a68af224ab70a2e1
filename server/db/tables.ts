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

export interface Database {
  commitments: CommitmentsTable;
  commitment_updates: CommitmentUpdatesTable;
}

export type CommitmentRow = Selectable<CommitmentsTable>;
export type NewCommitmentRow = Insertable<CommitmentsTable>;
export type CommitmentUpdateRow = Selectable<CommitmentUpdatesTable>;
// Generated is re-exported for tables that later use database defaults.
export type { Generated };
