import type { Kysely, Transaction } from 'kysely';
import type { Ticket } from '../../../src/domain/ticket';
import { hashToken } from '../../auth/crypto';
import { allAnswered, batchedPer } from '../../db/batches';
import { openToken, sealToken, type TokenBox } from '../../auth/sealed-token';
import type { Database, TicketIdempotencyKeysTable } from '../../db/tables';
import type { FirstUse, Idempotency } from '../idempotency';
import { loadTicket } from './assemble';

/*
 * A new request's Idempotency-Key lives in a table of its own, beside the ticket it made: only its hash, the
 * fingerprint of the body, and the ticket's access token sealed so that only the key's holder can open it (the
 * server keeps only the token's hash, yet a replay must give the same token back).
 */

/** How long an Idempotency-Key of a new request is honoured. Older ones are deleted. */
export const IDEMPOTENCY_RETENTION_MS = 8 * 24 * 3600 * 1000;

export async function deleteExpiredIdempotencyKeys(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<void> {
  const before = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
  await db.deleteFrom('ticket_idempotency_keys').where('created_at', '<', before).execute();
}

/**
 * Whether this key already made a ticket: its replays are answered, never rate-limited. Asked for every new
 * request before its rate limit, so the keys asked together are looked up in one statement.
 */
export const isKnownIdempotencyKey: (db: Kysely<Database>, key: string) => Promise<boolean> =
  batchedPer(
    async (db: Kysely<Database>, keys: string[]) => {
      const hashes = keys.map((key) => hashToken(key.toLowerCase()));
      const known = await db
        .selectFrom('ticket_idempotency_keys')
        .select('key_hash')
        .where('key_hash', 'in', [...new Set(hashes)])
        .execute();
      const knownHashes = new Set(known.map((row) => row.key_hash));
      return allAnswered(hashes.map((hash) => knownHashes.has(hash)));
    },
    { max: 256 },
  );

const tokenBox = ({ key, requestHash }: Idempotency, ticketId: string): TokenBox => ({
  secret: key,
  salt: requestHash,
  boundTo: ticketId,
});

/** The first uses of these keys, by key: the tickets they made, to be answered again. */
export async function findTicketFirstUses(
  trx: Transaction<Database>,
  keys: Idempotency[],
): Promise<Map<string, FirstUse<{ ticket: Ticket; accessToken: string }>>> {
  const uses = new Map<string, FirstUse<{ ticket: Ticket; accessToken: string }>>();
  if (keys.length === 0) return uses;
  const byHash = new Map(keys.map((k) => [hashToken(k.key), k]));
  const known = await trx
    .selectFrom('ticket_idempotency_keys')
    .selectAll()
    .where('key_hash', 'in', [...byHash.keys()])
    .execute();
  for (const row of known) {
    const idempotency = byHash.get(row.key_hash)!;
    uses.set(idempotency.key, {
      requestHash: row.request_hash,
      async replay() {
        const ticket = await trx
          .selectFrom('tickets')
          .selectAll()
          .where('id', '=', row.ticket_id)
          .executeTakeFirstOrThrow();
        return {
          ticket: await loadTicket(trx, { row: ticket, view: 'submitter' }),
          accessToken: openToken(row.token_box, tokenBox(idempotency, ticket.id)),
        };
      },
    });
  }
  return uses;
}

/** The row that records a key beside the ticket it made, the ticket's access token sealed in it. */
export function ticketKeyRow({
  idempotency,
  ticketId,
  accessToken,
  now,
}: {
  idempotency: Idempotency;
  ticketId: string;
  accessToken: string;
  now: Date;
}): TicketIdempotencyKeysTable {
  return {
    key_hash: hashToken(idempotency.key),
    request_hash: idempotency.requestHash,
    ticket_id: ticketId,
    token_box: sealToken(accessToken, tokenBox(idempotency, ticketId)),
    created_at: now.toISOString(),
  };
}
