import type { Kysely } from 'kysely';
import type { CitizenTicketSummary } from '../../src/domain/citizen';
import type { Page } from '../../src/domain/commitment';
import type { TicketCategory, TicketStatus } from '../../src/domain/ticket';
import { hashToken, newId, newToken } from '../auth/crypto';
import type { Database } from '../db/tables';

/** A citizen as the server knows one: an id. Their openid stays in the database. */
export interface Citizen {
  id: string;
}

/**
 * The citizen WeChat named by `openid` (made on their first sign-in) gets a new session: its bearer token is
 * answered, only its hash kept.
 */
export async function openCitizenSession(
  db: Kysely<Database>,
  { openid, expiresAt, now }: { openid: string; expiresAt: Date; now: Date },
): Promise<{ citizen: Citizen; token: string }> {
  await db
    .insertInto('citizens')
    .values({ id: newId(now), openid, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('openid').doNothing())
    .execute();
  const citizen = await db
    .selectFrom('citizens')
    .select('id')
    .where('openid', '=', openid)
    .executeTakeFirstOrThrow();
  const token = newToken();
  await db
    .insertInto('citizen_sessions')
    .values({
      id: newId(now),
      token_hash: hashToken(token),
      citizen_id: citizen.id,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { citizen: { id: citizen.id }, token };
}

/** The citizen a live session token belongs to. */
export async function findCitizenBySession(
  db: Kysely<Database>,
  { token, now }: { token: string; now: Date },
): Promise<Citizen | undefined> {
  const row = await db
    .selectFrom('citizen_sessions')
    .select('citizen_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row && { id: row.citizen_id };
}

export async function deleteExpiredCitizenSessions(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<void> {
  await db.deleteFrom('citizen_sessions').where('expires_at', '<=', now.toISOString()).execute();
}

interface CitizenCursor {
  filedAt: string;
  ticketId: string;
}

/** The cursor of a page of 我的诉求, or null when it is not one this server made. */
export function decodeCitizenCursor(cursor: string): CitizenCursor | null {
  try {
    const [filedAt, ticketId] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    return typeof filedAt === 'string' && typeof ticketId === 'string'
      ? { filedAt, ticketId }
      : null;
  } catch {
    return null;
  }
}

function encodeCursor({ filedAt, ticketId }: CitizenCursor): string {
  return Buffer.from(JSON.stringify([filedAt, ticketId])).toString('base64url');
}

/** A citizen's requests, newest first, a keyset page at a time (stays right while new ones are filed). */
export async function listCitizenTickets(
  db: Kysely<Database>,
  { citizenId, limit, cursor }: { citizenId: string; limit: number; cursor?: string },
): Promise<Page<CitizenTicketSummary>> {
  const { total } = await db
    .selectFrom('citizen_tickets')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  const after = cursor ? decodeCitizenCursor(cursor) : null;
  const rows = await db
    .selectFrom('citizen_tickets as ct')
    .innerJoin('tickets as t', 't.id', 'ct.ticket_id')
    .select([
      'ct.filed_at',
      'ct.ticket_id',
      't.ticket_no',
      't.status',
      't.category',
      't.content',
      't.created_at',
      't.due_at',
      't.resolved_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('ticket_events as e')
        .select((e) => e.fn.max('e.created_at').as('at'))
        .whereRef('e.ticket_id', '=', 't.id')
        .as('updated_at'),
    )
    .where('ct.citizen_id', '=', citizenId)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('ct.filed_at', '<', after!.filedAt),
          eb.and([
            eb('ct.filed_at', '=', after!.filedAt),
            eb('ct.ticket_id', '<', after!.ticketId),
          ]),
        ]),
      ),
    )
    .orderBy('ct.filed_at', 'desc')
    .orderBy('ct.ticket_id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      ticketNo: row.ticket_no,
      status: row.status as TicketStatus,
      category: row.category as TicketCategory,
      content: row.content,
      createdAt: row.created_at,
      updatedAt: row.updated_at ?? row.created_at,
      dueAt: row.due_at,
      resolvedAt: row.resolved_at,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ filedAt: last.filed_at, ticketId: last.ticket_id })
        : null,
    total: Number(total),
  };
}
