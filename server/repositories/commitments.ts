import { sql, type Kysely } from 'kysely';
import type {
  Commitment,
  CommitmentCategory,
  CommitmentSource,
  CommitmentUpdate,
  StaffRole,
  TargetQualifier,
} from '../../src/domain/commitment';
import type { Staff } from '../../src/domain/staff';
import { deriveStatus } from '../../src/domain/status';
import { newId } from '../auth/crypto';
import { isUniqueViolation } from '../db/database';
import type { CommitmentRow, CommitmentUpdateRow, Database } from '../db/tables';
import { attachUploads } from './uploads';

/**
 * Loads the dataset: new commitments are added and the report's fields of known ones refreshed,
 * while the progress workers have recorded is never touched. Safe to run on every start.
 */
export async function upsertCommitmentSources(db: Kysely<Database>, sources: CommitmentSource[]) {
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
          current_value: null,
          progress_percent: null,
          updated_at: null,
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
}

/** Every commitment that matches, in the report's order. The dataset is bounded (under a hundred rows). */
export async function findCommitments(
  db: Kysely<Database>,
  { category, q }: CommitmentQuery,
  now: Date,
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

export async function findCommitment(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<Commitment | undefined> {
  const row = await db
    .selectFrom('commitments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCommitment(row, now);
}

/** Updates of one commitment, newest first. */
export async function findCommitmentUpdates(
  db: Kysely<Database>,
  commitmentId: string,
): Promise<CommitmentUpdate[]> {
  const rows = await db
    .selectFrom('commitment_updates')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCommitmentUpdate);
}

export interface NewCommitmentUpdate {
  commitmentId: string;
  author: Pick<Staff, 'id' | 'name' | 'role'>;
  /** The figure as reported, or null for a bare percent. */
  value: number | null;
  /** The progress the update sets: the commitment's new figure and percent. */
  progress: { current: number | null; percent: number };
  note: string;
  /** Names of uploads this server made. */
  photos: string[];
}

export type AddUpdateResult =
  | { kind: 'added'; update: CommitmentUpdate }
  | { kind: 'replayed'; update: CommitmentUpdate }
  | { kind: 'not_found' }
  | { kind: 'unknown_photos' }
  | { kind: 'key_reused' };

/** A post's Idempotency-Key, and a hash of the body sent with it. */
export interface UpdateIdempotency {
  key: string;
  requestHash: string;
}

/**
 * Appends an update and moves the commitment's progress to it, in one transaction: the card and its timeline
 * never disagree. A post resent with its Idempotency-Key gets the first one back instead of a second.
 */
export async function addCommitmentUpdate(
  db: Kysely<Database>,
  input: NewCommitmentUpdate,
  now: Date,
  idempotency: UpdateIdempotency | null = null,
): Promise<AddUpdateResult> {
  try {
    return await appendUpdate(db, input, now, idempotency);
  } catch (error) {
    // Two copies of one post at once: the loser finds the winner's update on the second try.
    if (idempotency && isUniqueViolation(error)) return appendUpdate(db, input, now, idempotency);
    throw error;
  }
}

async function appendUpdate(
  db: Kysely<Database>,
  input: NewCommitmentUpdate,
  now: Date,
  idempotency: UpdateIdempotency | null,
): Promise<AddUpdateResult> {
  const at = now.toISOString();
  const row: CommitmentUpdateRow = {
    id: newId(now),
    commitment_id: input.commitmentId,
    author_id: input.author.id,
    author_name: input.author.name,
    author_role: input.author.role,
    value: input.value,
    percent: input.progress.percent,
    note: input.note,
    photos: JSON.stringify(input.photos.map((name) => `/api/uploads/${name}`)),
    created_at: at,
    idempotency_key: idempotency?.key.toLowerCase() ?? null,
    request_hash: idempotency?.requestHash ?? null,
  };
  try {
    return await db.transaction().execute(async (trx): Promise<AddUpdateResult> => {
      if (row.idempotency_key) {
        const first = await trx
          .selectFrom('commitment_updates')
          .selectAll()
          .where('author_id', '=', row.author_id)
          .where('idempotency_key', '=', row.idempotency_key)
          .executeTakeFirst();
        if (first) {
          return first.request_hash === row.request_hash
            ? { kind: 'replayed', update: toCommitmentUpdate(first) }
            : { kind: 'key_reused' };
        }
      }
      // First, so that nothing has moved when a photo is not here.
      if (!(await attachUploads(trx, input.photos, at))) throw new Refused('unknown_photos');
      const moved = await trx
        .updateTable('commitments')
        .set({
          current_value: input.progress.current,
          progress_percent: input.progress.percent,
          updated_at: at,
        })
        .where('id', '=', input.commitmentId)
        // Two posts racing: the card follows the newest, whichever commits last.
        .where((eb) => eb.or([eb('updated_at', 'is', null), eb('updated_at', '<=', at)]))
        .returning('id')
        .executeTakeFirst();
      if (!moved) {
        const exists = await trx
          .selectFrom('commitments')
          .select('id')
          .where('id', '=', input.commitmentId)
          .executeTakeFirst();
        if (!exists) throw new Refused('not_found');
      }
      await trx.insertInto('commitment_updates').values(row).execute();
      return { kind: 'added', update: toCommitmentUpdate(row) };
    });
  } catch (error) {
    if (error instanceof Refused) return { kind: error.kind };
    throw error;
  }
}

/** Thrown inside the transaction so that it rolls back: the photos marked used before a refusal are not. */
class Refused extends Error {
  constructor(readonly kind: 'not_found' | 'unknown_photos') {
    super(kind);
  }
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
    progress: { percent: row.progress_percent ?? 0, current: row.current_value },
    status: deriveStatus({ percent: row.progress_percent, deadline: row.deadline, now }),
    updatedAt: row.updated_at,
  };
}

function toCommitmentUpdate(row: CommitmentUpdateRow): CommitmentUpdate {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    author: { name: row.author_name, role: row.author_role as StaffRole },
    value: row.value,
    percent: row.percent,
    note: row.note,
    photos: JSON.parse(row.photos) as string[],
    createdAt: row.created_at,
  };
}
