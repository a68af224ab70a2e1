import { sql, type Kysely, type Transaction } from 'kysely';
import type { Commitment, CommitmentUpdate } from '../../src/domain/commitment';
import { beijingDate } from '../../src/domain/dates';
import type { FieldError } from '../../src/domain/errors';
import type { Staff, StaffRole } from '../../src/domain/staff';
import { progressFromUpdate, type CommitmentUpdateInput } from '../../src/domain/update-rules';
import { newId } from '../auth/crypto';
import type { CommitmentUpdateRow, Database } from '../db/tables';
import { createOnce, type FirstUse, type Idempotency, type KeyReused } from './idempotency';
import { attachPhotos } from './uploads';

/** Updates of one commitment, the latest day described first (ties: the latest posted). */
export async function findCommitmentUpdates(
  db: Kysely<Database>,
  { commitmentId }: { commitmentId: string },
): Promise<CommitmentUpdate[]> {
  const rows = await db
    .selectFrom('commitment_updates')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCommitmentUpdate);
}

export type AddUpdateResult =
  | { kind: 'created' | 'replayed'; update: CommitmentUpdate }
  | { kind: 'not_found' }
  | { kind: 'validation_failed'; errors: FieldError[] }
  | KeyReused;

export interface NewCommitmentUpdate {
  commitment: Commitment;
  input: CommitmentUpdateInput;
  author: Pick<Staff, 'id' | 'name' | 'role'>;
  /** The post's Idempotency-Key, kept per author; null for a post without one (each is a new update). */
  idempotency: Idempotency | null;
  now: Date;
}

/**
 * Appends an update and moves the commitment's progress to it, in one transaction: the card and its timeline
 * never disagree. Once per Idempotency-Key (see `createOnce`): a resend gets the first update back.
 */
export async function addCommitmentUpdate(
  db: Kysely<Database>,
  { commitment, input, author, idempotency, now }: NewCommitmentUpdate,
): Promise<AddUpdateResult> {
  return createOnce(db, {
    idempotency,
    findFirstUse: (trx, used) => findUpdateFirstUse(trx, { authorId: author.id, used }),
    create: async (trx, refuse) => {
      const written = await writeCommitmentUpdate(trx, {
        commitment,
        input,
        author,
        idempotency,
        now,
      });
      return written.kind === 'created' ? written : refuse(written);
    },
  });
}

export type WriteUpdateResult = Exclude<AddUpdateResult, { kind: 'replayed' } | KeyReused>;

/**
 * The update path inside a caller's transaction (a post, or each row of an import): the update appended, the
 * card moved to it. A refusal is answered before anything of this update is written, but the caller rolls back.
 */
export async function writeCommitmentUpdate(
  trx: Transaction<Database>,
  { commitment, input, author, idempotency, now }: NewCommitmentUpdate,
): Promise<WriteUpdateResult> {
  const at = now.toISOString();
  const asOf = input.asOf ?? beijingDate(now);
  // First, so that nothing has moved when a photo is not here.
  const photos = await attachPhotos(trx, { photos: input.photos ?? [], now });
  if (!photos) {
    return {
      kind: 'validation_failed',
      errors: [{ field: 'photos', message: '照片需先上传成功后再提交' }],
    };
  }
  const progress = progressFromUpdate(input, commitment.target);
  const moved = await moveProgress(trx, { commitmentId: commitment.id, progress, asOf, at });
  if (!moved) return { kind: 'not_found' };
  const row: CommitmentUpdateRow = {
    id: newId(now),
    commitment_id: commitment.id,
    author_id: author.id,
    author_name: author.name,
    author_role: author.role,
    value: input.value ?? null,
    percent: progress.percent,
    note: input.note,
    photos: JSON.stringify(photos),
    as_of: asOf,
    created_at: at,
    idempotency_key: idempotency?.key ?? null,
    request_hash: idempotency?.requestHash ?? null,
  };
  await trx.insertInto('commitment_updates').values(row).execute();
  return { kind: 'created', update: toCommitmentUpdate(row) };
}

/**
 * Moves the card to an update: its figure becomes the current one unless a figure of a later day is there already
 * (ties: the later post wins, even when it commits first); the first day the target was reached only moves earlier.
 * One statement, so two posts racing cannot interleave. False when the commitment does not exist.
 */
async function moveProgress(
  trx: Transaction<Database>,
  {
    commitmentId,
    progress,
    asOf,
    at,
  }: {
    commitmentId: string;
    progress: { current: number | null; percent: number };
    asOf: string;
    at: string;
  },
): Promise<boolean> {
  const isCurrent = sql<boolean>`(current_as_of is null or current_as_of < ${asOf}
    or (current_as_of = ${asOf} and current_posted_at <= ${at}))`;
  const reached = progress.percent >= 100;
  const moved = await trx
    .updateTable('commitments')
    .set({
      current_value: sql`case when ${isCurrent} then ${progress.current} else current_value end`,
      progress_percent: sql`case when ${isCurrent} then ${progress.percent} else progress_percent end`,
      current_as_of: sql`case when ${isCurrent} then ${asOf} else current_as_of end`,
      current_posted_at: sql`case when ${isCurrent} then ${at} else current_posted_at end`,
      reached_on: reached
        ? sql`case when reached_on is null or reached_on > ${asOf} then ${asOf} else reached_on end`
        : sql`reached_on`,
      updated_at: sql`case when updated_at is null or updated_at < ${at} then ${at} else updated_at end`,
    })
    .where('id', '=', commitmentId)
    .returning('id')
    .executeTakeFirst();
  return moved !== undefined;
}

/** A post's key is kept on the update itself, unique per author (migration 2026-11-27-02). */
async function findUpdateFirstUse(
  trx: Transaction<Database>,
  { authorId, used }: { authorId: string; used: Idempotency },
): Promise<FirstUse<{ update: CommitmentUpdate }> | undefined> {
  const first = await trx
    .selectFrom('commitment_updates')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('idempotency_key', '=', used.key)
    .executeTakeFirst();
  if (!first) return undefined;
  return {
    requestHash: first.request_hash ?? '',
    replay: async () => ({ update: toCommitmentUpdate(first) }),
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
    asOf: row.as_of,
    createdAt: row.created_at,
  };
}
