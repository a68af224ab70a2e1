import type { Migration } from 'kysely';
import * as commitments from './2026-11-26-01-commitments';
import * as tickets from './2026-11-26-02-tickets';
import * as staff from './2026-11-26-03-staff';
import * as uploadAttachments from './2026-11-27-01-upload-attachments';
import * as updateIdempotency from './2026-11-27-02-update-idempotency';
import * as updateAsOf from './2026-11-30-01-update-as-of';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-01-commitments': commitments,
  '2026-11-26-02-tickets': tickets,
  '2026-11-26-03-staff': staff,
  '2026-11-27-01-upload-attachments': uploadAttachments,
  '2026-11-27-02-update-idempotency': updateIdempotency,
  '2026-11-30-01-update-as-of': updateAsOf,
};
