import type { ImportedProgress, ImportReport } from '@/domain/progress-import';
import { staffRequest } from './auth';

const CSV = { 'content-type': 'text/csv' };

/** The dry run: every row checked by the server, nothing written. */
export function checkProgressImport(file: ArrayBuffer): Promise<ImportReport> {
  return staffRequest<ImportReport>('/api/progress-imports?dryRun=1', {
    method: 'POST',
    data: file,
    headers: CSV,
  });
}

/** Applies every row, or none; the same file under the same key is applied once, however often it is resent. */
export function applyProgressImport(
  file: ArrayBuffer,
  idempotencyKey: string,
): Promise<ImportedProgress> {
  return staffRequest<ImportedProgress>('/api/progress-imports', {
    method: 'POST',
    data: file,
    headers: { ...CSV, 'Idempotency-Key': idempotencyKey },
  });
}
