import { sql, type Kysely } from 'kysely';
import type {
  Commitment,
  CommitmentCategory,
  CommitmentSource,
  TargetQualifier,
} from '../../src/domain/commitment';
import { deriveStatus, statusChangesAt, type StatusInput } from '../../src/domain/status';
import type { CommitmentRow, Database } from '../db/tables';

/** A commitment's progress columns before any update (also where the sample data starts from). */
export const NO_PROGRESS = {
  current_value: null,
  progress_percent: null,
  updated_at: null,
  current_as_of: null,
  current_posted_at: null,
  reached_on: null,
} as const;

/**
 * Loads the dataset: new commitments are added and the report's fields of known ones refreshed,
 * while the progress workers have recorded is never touched. Safe to run on every start.
 */
export async function upsertCommitmentSources(
  db: Kysely<Database>,
  { sources }: { sources: CommitmentSource[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [index, source] of sources.entries()) {
      const fields = {
        sort_order: index,
        category: source.category,
        title: source.title,
        quote: source.quote,
        section: source.section,
        target_value: source.target?.value ?? null,
        target_unit: source.target?.unit ?? null,
        target_qualifier: source.target?.qualifier ?? null,
        baseline_value: source.baseline2019?.value ?? null,
        baseline_unit: source.baseline2019?.unit ?? null,
        baseline_quote: source.baseline2019?.quote ?? null,
        deadline: source.deadline,
      };
      await trx
        .insertInto('commitments')
        .values({
          id: source.id,
          ...fields,
          ...NO_PROGRESS,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet(fields))
        .execute();
    }
  });
}

export interface CommitmentQuery {
  category?: CommitmentCategory;
  /** Matches title or quote. */
  q?: string;
  /** Status depends on the day. */
  now: Date;
}

/** Every commitment that matches, in the report's order. The dataset is bounded (the report's promises, 125 rows). */
export async function findCommitments(
  db: Kysely<Database>,
  { category, q, now }: CommitmentQuery,
): Promise<Commitment[]> {
  let query = db.selectFrom('commitments').selectAll().orderBy('sort_order');
  if (category) query = query.where('category', '=', category);
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // ESCAPE spelled out: SQLite has no default escape character for LIKE. lower() on both sides:
    // LIKE ignores case on SQLite but not on PostgreSQL, and "gdp" should find "GDP" on both.
    query = query.where(
      sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(quote) like ${pattern} escape '\\')`,
    );
  }
  const rows = await query.execute();
  return rows.map((row) => toCommitment(row, now));
}

/**
 * Every commitment in the report's order, as of `now`, and the first moment after `now` at which one of their
 * statuses changes with time alone (null: none will): what a cache of them needs to know (commitment-cache.ts).
 */
export async function findAllCommitments(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<{ commitments: Commitment[]; statusesChangeAt: Date | null }> {
  const rows = await db.selectFrom('commitments').selectAll().orderBy('sort_order').execute();
  const changes = rows
    .map((row) => statusChangesAt(statusInputOf(row, now))?.getTime())
    .filter((at) => at !== undefined);
  return {
    commitments: rows.map((row) => toCommitment(row, now)),
    statusesChangeAt: changes.length > 0 ? new Date(Math.min(...changes)) : null,
  };
}

export async function findCommitment(
  db: Kysely<Database>,
  { id, now }: { id: string; now: Date },
): Promise<Commitment | undefined> {
  const row = await db
    .selectFrom('commitments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCommitment(row, now);
}

function toCommitment(row: CommitmentRow, now: Date): Commitment {
  return {
    id: row.id,
    category: row.category as CommitmentCategory,
    title: row.title,
    quote: row.quote,
    section: row.section,
    target:
      row.target_value === null
        ? null
        : {
            value: row.target_value,
            unit: row.target_unit ?? '',
            qualifier: row.target_qualifier as TargetQualifier,
          },
    baseline2019:
      row.baseline_value === null
        ? null
        : {
            value: row.baseline_value,
            unit: row.baseline_unit ?? '',
            quote: row.baseline_quote ?? '',
          },
    deadline: row.deadline,
    progress: {
      percent: row.progress_percent ?? 0,
      current: row.current_value,
      asOf: row.current_as_of,
      reachedOn: row.reached_on,
    },
    status: deriveStatus(statusInputOf(row, now)),
    updatedAt: row.updated_at,
  };
}

function statusInputOf(row: CommitmentRow, now: Date): StatusInput {
  return { percent: row.progress_percent, reachedOn: row.reached_on, deadline: row.deadline, now };
}
