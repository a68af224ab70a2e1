import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isTransientConflict, isUniqueViolation } from '../db/database';
import { runTransaction } from '../db/group-commit';
import type { Database } from '../db/tables';

/** An Idempotency-Key, in lower case, and the fingerprint of what was sent with it. */
export interface Idempotency {
  key: string;
  requestHash: string;
}

/** Canonical JSON (keys sorted at every level), so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The key and the fingerprint of `sent`: the body as it came (before any trimming), so that a resend matches the
 * first send byte for byte, and the hashes already stored keep matching.
 */
export function idempotency(key: string, sent: unknown): Idempotency {
  const requestHash = hash('sha256', canonicalJson(sent), 'hex');
  return { key: key.toLowerCase(), requestHash };
}

/** Thrown inside `inTransaction` when a row read has moved since: the transaction runs again. */
export class LostRace extends Error {}

/** Thrown by `refuse`: the transaction rolls back, and `inTransaction` answers what it holds. */
class Refusal<T> extends Error {
  constructor(readonly answer: T) {
    super('refused');
  }
}

const ATTEMPTS = 5;

/**
 * The one retry policy of the repositories. Runs `work` in a transaction; when it loses a race (a unique violation:
 * a concurrent copy wrote first; `LostRace`: a row it read has moved; or PostgreSQL chose it as a deadlock's victim)
 * it runs again, up to 5 times, and the next run sees what the winner wrote. `refuse(answer)` rolls back everything written so far and answers `answer`.
 * On SQLite the transaction shares its commit with those asked for at the same moment (`runTransaction`).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>, refuse: (answer: T) => never) => Promise<T>,
): Promise<T> {
  const refuse = (answer: T): never => {
    throw new Refusal(answer);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(db, (trx) => work(trx, refuse));
    } catch (error) {
      if (error instanceof Refusal) return error.answer as T;
      const lost =
        isUniqueViolation(error) || isTransientConflict(error) || error instanceof LostRace;
      if (!lost || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** A key's first use: the fingerprint sent with it, and its answer given again. */
export interface FirstUse<T> {
  requestHash: string;
  replay(): Promise<T>;
}

export type Replayed<T> = { kind: 'replayed' } & T;
export type KeyReused = { kind: 'idempotency_key_reused' };

/**
 * Makes something at most once per Idempotency-Key, in one transaction under the policy above. A key used before
 * answers what it made then (`replayed`), or `idempotency_key_reused` when the body differs; otherwise `create`
 * runs and records the key beside what it writes. Concurrent copies meet at the key's unique index, and the
 * loser's retry finds the winner's. Without a key, `create` simply runs.
 */
export async function createOnce<Created extends { kind: string }, Answer>(
  db: Kysely<Database>,
  {
    idempotency: used,
    findFirstUse,
    create,
  }: {
    idempotency: Idempotency | null;
    findFirstUse: (
      trx: Transaction<Database>,
      idempotency: Idempotency,
    ) => Promise<FirstUse<Answer> | undefined>;
    create: (trx: Transaction<Database>, refuse: (answer: Created) => never) => Promise<Created>;
  },
): Promise<Created | Replayed<Answer> | KeyReused> {
  return inTransaction<Created | Replayed<Answer> | KeyReused>(db, async (trx, refuse) => {
    const first = used ? await findFirstUse(trx, used) : undefined;
    if (used && first) {
      if (first.requestHash !== used.requestHash) return { kind: 'idempotency_key_reused' };
      return { kind: 'replayed', ...(await first.replay()) };
    }
    return create(trx, refuse);
  });
}
