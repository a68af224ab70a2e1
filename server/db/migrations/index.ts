import type { Migration } from 'kysely';
import * as commitments from './2026-11-26-01-commitments';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-01-commitments': commitments,
};
