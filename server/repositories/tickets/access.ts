import type { Kysely, Transaction } from 'kysely';
import { hashToken, tokenMatches } from '../../auth/crypto';
import type { Database, TicketsTable } from '../../db/tables';

/*
 * Who may read a request without being staff: whoever holds one of its access tokens (the one made when it was
 * filed, or one made by a lookup), and the citizen it is linked to.
 */

const UNKNOWN_HASH = hashToken('no such ticket');

/**
 * Whether this reader holds the request. The filing token is compared in constant time, against a dummy hash when
 * there is no such request, so that neither the answer nor its timing tells whether a number exists.
 */
export async function holdsTicket(
  db: Kysely<Database>,
  {
    row,
    token,
    citizenId,
  }: { row: TicketsTable | undefined; token: string | null; citizenId?: string | null },
): Promise<boolean> {
  const same = tokenMatches(token ?? '', row?.token_hash ?? UNKNOWN_HASH);
  if (!row) return false;
  if (token && same) return true;
  if (token) {
    const other = await db
      .selectFrom('ticket_tokens')
      .select('ticket_id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (other?.ticket_id === row.id) return true;
  }
  if (!citizenId) return false;
  const linked = await db
    .selectFrom('citizen_tickets')
    .select('ticket_id')
    .where('citizen_id', '=', citizenId)
    .where('ticket_id', '=', row.id)
    .executeTakeFirst();
  return linked !== undefined;
}

/** The request is the citizen's from now on: listed in their 我的诉求 on any phone. Linking twice is once. */
export async function linkCitizenTicket(
  trx: Kysely<Database> | Transaction<Database>,
  { citizenId, row }: { citizenId: string; row: Pick<TicketsTable, 'id' | 'created_at'> },
): Promise<void> {
  await trx
    .insertInto('citizen_tickets')
    .values({ citizen_id: citizenId, ticket_id: row.id, filed_at: row.created_at })
    .onConflict((oc) => oc.columns(['citizen_id', 'ticket_id']).doNothing())
    .execute();
}
