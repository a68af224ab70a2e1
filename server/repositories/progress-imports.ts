import type { Kysely, Transaction } from 'kysely';
import type { Commitment } from '../../src/domain/commitment';
import type { FieldError } from '../../src/domain/errors';
import type { ImportedProgress, ImportRow } from '../../src/domain/progress-import';
import type { Staff } from '../../src/domain/staff';
import { newId } from '../auth/crypto';
import type { Database } from '../db/tables';
import { writeCommitmentUpdate } from './commitment-updates';
import { createOnce, type FirstUse, type Idempotency, type KeyReused } from './idempotency';

export type ImportProgressResult =
  | { kind: 'created' | 'replayed'; imported: ImportedProgress }
  | { kind: 'not_found' | 'validation_failed'; row: number; errors: FieldError[] }
  | KeyReused;

/**
 * Applies a spreadsheet's rows, parsed by the domain (`parseImportTable`), all or none, once per admin and
 * Idempotency-Key: each row is an ordinary progress update by `author` (`writeCommitmentUpdate`: the timeline,
 * the current figure, the day it was reached and so the verdict follow), in one transaction with the record of
 * the import. Rows are posted one millisecond apart, in the file's order, so that a later row of the same day wins.
 */
export async function importProgress(
  db: Kysely<Database>,
  {
    rows,
    commitments,
    author,
    idempotency,
    now,
  }: {
    rows: ImportRow[];
    commitments: ReadonlyMap<string, Commitment>;
    author: Pick<Staff, 'id' | 'name' | 'role'>;
    idempotency: Idempotency;
    now: Date;
  },
): Promise<ImportProgressResult> {
  return createOnce(db, {
    idempotency,
    findFirstUse: (trx, used) => findImportFirstUse(trx, { authorId: author.id, used }),
    create: async (trx, refuse) => {
      for (const [index, row] of rows.entries()) {
        const commitment = commitments.get(row.commitmentId);
        const missing = [{ field: 'id', message: '没有这个编号的民生实事' }];
        if (!commitment) return refuse({ kind: 'not_found', row: row.row, errors: missing });
        const written = await writeCommitmentUpdate(trx, {
          commitment,
          input: row.input,
          author,
          idempotency: null,
          now: new Date(now.getTime() + index),
        });
        if (written.kind === 'not_found')
          refuse({ kind: 'not_found', row: row.row, errors: missing });
        if (written.kind === 'validation_failed') refuse({ ...written, row: row.row });
      }
      const imported: ImportedProgress = {
        rows: rows.length,
        valid: rows.length,
        errors: [],
        imported: rows.length,
      };
      await trx
        .insertInto('progress_imports')
        .values({
          id: newId(now),
          author_id: author.id,
          idempotency_key: idempotency.key,
          request_hash: idempotency.requestHash,
          rows: imported.rows,
          imported: imported.imported,
          created_at: now.toISOString(),
        })
        .execute();
      return { kind: 'created', imported };
    },
  });
}

async function findImportFirstUse(
  trx: Transaction<Database>,
  { authorId, used }: { authorId: string; used: Idempotency },
): Promise<FirstUse<{ imported: ImportedProgress }> | undefined> {
  const first = await trx
    .selectFrom('progress_imports')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('idempotency_key', '=', used.key)
    .executeTakeFirst();
  if (!first) return undefined;
  const rows = Number(first.rows);
  return {
    requestHash: first.request_hash,
    replay: async () => ({
      imported: { rows, valid: rows, errors: [], imported: Number(first.imported) },
    }),
  };
}
