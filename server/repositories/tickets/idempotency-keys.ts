import type { Kysely, Transaction } from 'kysely';
import type { Ticket } from '../../../src/domain/ticket';
import { hashToken } from '../../auth/crypto';
import { openToken, sealToken, type TokenBox } from '../../auth/sealed-token';
import type { Database } from '../../db/tables';
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

/** Whether this key already made a ticket: its replays are answered, never rate-limited. */
export async function isKnownIdempotencyKey(
  db: Kysely<Database>,
  { key }: { key: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_idempotency_keys')
    .select('key_hash')
    .where('key_hash', '=', hashToken(key.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

const tokenBox = ({ key, requestHash }: Idempotency, ticketId: string): TokenBox => ({
  secret: key,
  salt: requestHash,
  boundTo: ticketId,
});

export async function findTicketFirstUse(
  trx: Transaction<Database>,
  idempotency: Idempotency,
): Promise<FirstUse<{ ticket: Ticket; accessToken: string }> | undefined> {
  const known = await trx
    .selectFrom('ticket_idempotency_keys')
    .selectAll()
    .where('key_hash', '=', hashToken(idempotency.key))
    .executeTakeFirst();
  if (!known) return undefined;
  return {
    requestHash: known.request_hash,
    async replay() {
      const row = await trx
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', known.ticket_id)
        .executeTakeFirstOrThrow();
      return {
        ticket: await loadTicket(trx, { row, view: 'submitter' }),
        accessToken: openToken(known.token_box, tokenBox(idempotency, row.id)),
      };
    },
  };
}

export async function recordTicketKey(
  trx: Transaction<Database>,
  {
    idempotency,
    ticketId,
    accessToken,
    now,
  }: { idempotency: Idempotency; ticketId: string; accessToken: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('ticket_idempotency_keys')
    .values({
      key_hash: hashToken(idempotency.key),
      request_hash: idempotency.requestHash,
      ticket_id: ticketId,
      token_box: sealToken(accessToken, tokenBox(idempotency, ticketId)),
      created_at: now.toISOString(),
    })
    .execute();
}
