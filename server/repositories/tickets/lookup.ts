import type { Kysely } from 'kysely';
import { LOOKUP_LIMITS, type LookupInput } from '../../../src/domain/citizen';
import { beijingDate } from '../../../src/domain/dates';
import { hashToken, newToken, tokenMatches } from '../../auth/crypto';
import type { Database } from '../../db/tables';
import { inTransaction } from '../idempotency';
import { linkCitizenTicket } from './access';
import { findTicketRow } from './find';

export type LookupResult =
  { kind: 'created'; accessToken: string } | { kind: 'not_found' } | { kind: 'rate_limited' };

/**
 * A request found by its number and the mobile number given when it was filed: a new access token for it (earlier
 * ones keep working), linked to the citizen when one asks. Every try counts against the number's tries of the
 * (Beijing) day, whether the number exists or not and whoever tries; past them, every try is refused. A request
 * filed without a phone is never found this way.
 */
export async function lookupTicket(
  db: Kysely<Database>,
  { input, citizenId, now }: { input: LookupInput; citizenId: string | null; now: Date },
): Promise<LookupResult> {
  const { tries } = await db
    .insertInto('ticket_lookups')
    .values({ ticket_no: input.ticketNo, day: beijingDate(now), tries: 1 })
    .onConflict((oc) =>
      oc
        .columns(['ticket_no', 'day'])
        .doUpdateSet((eb) => ({ tries: eb('ticket_lookups.tries', '+', 1) })),
    )
    .returning('tries')
    .executeTakeFirstOrThrow();
  if (tries > LOOKUP_LIMITS.triesPerDay) return { kind: 'rate_limited' };

  const row = await findTicketRow(db, { ticketNo: input.ticketNo });
  const same = tokenMatches(input.phone, hashToken(row?.phone ?? 'no phone'));
  if (!row || row.phone === null || !same) return { kind: 'not_found' };

  const accessToken = newToken();
  await inTransaction<void>(db, async (trx) => {
    await trx
      .insertInto('ticket_tokens')
      .values({
        token_hash: hashToken(accessToken),
        ticket_id: row.id,
        created_at: now.toISOString(),
      })
      .execute();
    if (citizenId) await linkCitizenTicket(trx, { citizenId, row });
  });
  return { kind: 'created', accessToken };
}

/** Tries of days before yesterday no longer count. */
export async function deleteOldLookups(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<void> {
  const yesterday = beijingDate(new Date(now.getTime() - 24 * 3600 * 1000));
  await db.deleteFrom('ticket_lookups').where('day', '<', yesterday).execute();
}
