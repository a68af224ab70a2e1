import type { Kysely, Transaction } from 'kysely';
import type { Staff } from '../../../src/domain/staff';
import {
  CITIZEN_ACTOR,
  REOPEN_NOTE,
  REOPEN_STATUS,
  canMoveTicket,
  canRateTicket,
  ratingReopens,
  type RatingInput,
  type Ticket,
  type TicketEventInput,
  type TicketStatus,
} from '../../../src/domain/ticket';
import { newId } from '../../auth/crypto';
import type { Database, TicketsTable } from '../../db/tables';
import { inTransaction, LostRace } from '../idempotency';
import { countTicketMove, countTicketRating } from '../ticket-figures';
import { queueStatusNotices } from '../status-notices';
import { loadTicket, type TicketView } from './assemble';
import { findTicketRow } from './find';
import { countRating, countTicketChange } from './tallies';

export type MoveTicketResult =
  | { kind: 'updated'; ticket: Ticket }
  | { kind: 'not_found' | 'invalid_transition' | 'already_rated' };

type RowMove =
  { kind: 'updated'; row: TicketsTable } | Exclude<MoveTicketResult, { kind: 'updated' }>;

/** A staff member's step: dispatch, start, reply, resolve. The state machine is `canMoveTicket`. */
export async function addTicketEvent(
  db: Kysely<Database>,
  { ticketNo, event, by, now }: { ticketNo: string; event: TicketEventInput; by: Staff; now: Date },
): Promise<MoveTicketResult> {
  const move = await inTransaction<RowMove>(db, async (trx) => {
    const row = await findTicketRow(trx, { ticketNo });
    if (!row) return { kind: 'not_found' };
    if (!canMoveTicket(row.status as TicketStatus, event.status)) {
      return { kind: 'invalid_transition' };
    }
    const step = { ...event, actor: by.name, actorId: by.id };
    return { kind: 'updated', row: await appendEvent(trx, { row, step, now }) };
  });
  return withTicket(db, move, 'staff');
}

/** The submitter's rating of the current resolution, one per resolution; a score that reopens sends it back. */
export async function rateTicket(
  db: Kysely<Database>,
  { ticketNo, rating, now }: { ticketNo: string; rating: RatingInput; now: Date },
): Promise<MoveTicketResult> {
  const move = await inTransaction<RowMove>(db, async (trx) => {
    const row = await findTicketRow(trx, { ticketNo });
    if (!row) return { kind: 'not_found' };
    // Two ratings of one resolution at once meet at its unique index; the loser's retry finds this one.
    const rated = await trx
      .selectFrom('ticket_ratings')
      .select('id')
      .where('ticket_id', '=', row.id)
      .where('resolution', '=', row.resolution_count)
      .executeTakeFirst();
    if (rated) return { kind: 'already_rated' };
    if (!canRateTicket(row.status as TicketStatus)) return { kind: 'invalid_transition' };
    await trx
      .insertInto('ticket_ratings')
      .values({
        id: newId(now),
        ticket_id: row.id,
        resolution: row.resolution_count,
        score: rating.score,
        comment: rating.comment,
        created_at: now.toISOString(),
      })
      .execute();
    await countTicketRating(trx, { row, score: rating.score, at: now.toISOString() });
    await countRating(trx, { ticket: row, score: rating.score });
    if (!ratingReopens(rating.score)) return { kind: 'updated', row };
    const step = { status: REOPEN_STATUS, note: REOPEN_NOTE, actor: CITIZEN_ACTOR, actorId: null };
    return { kind: 'updated', row: await appendEvent(trx, { row, step, now }) };
  });
  return withTicket(db, move, 'submitter');
}

async function withTicket(
  db: Kysely<Database>,
  move: RowMove,
  view: TicketView,
): Promise<MoveTicketResult> {
  if (move.kind !== 'updated') return move;
  return { kind: 'updated', ticket: await loadTicket(db, { row: move.row, view }) };
}

interface Step {
  status: TicketStatus;
  note: string;
  actor: string;
  actorId: string | null;
}

/** Moves a ticket on by one event, if it has not moved since it was read (else `LostRace`: the caller runs again). */
async function appendEvent(
  trx: Transaction<Database>,
  { row, step, now }: { row: TicketsTable; step: Step; now: Date },
): Promise<TicketsTable> {
  const at = now.toISOString();
  const resolving = step.status === 'resolved' && row.status !== 'resolved';
  const changes: Partial<TicketsTable> = {
    status: step.status,
    event_count: row.event_count + 1,
    ...(resolving && {
      resolved_at: at,
      first_resolved_at: row.first_resolved_at ?? at,
      resolution_count: row.resolution_count + 1,
    }),
    ...(step.status !== 'resolved' && { resolved_at: null }),
  };
  const result = await trx
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', row.id)
    .where('event_count', '=', row.event_count)
    // The overdue sweep marks a request without an event: a move counts it as the sweep left it.
    .where('overdue_counted', '=', row.overdue_counted)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
  // The figures before the tallies, as a filing writes them: transactions that take row locks in one order never
  // deadlock (a filing and a move of the same district and week, in two processes).
  await countTicketMove(trx, { row, status: step.status, at });
  await countTicketChange(trx, { before: row, after: { ...row, ...changes } });
  await trx
    .insertInto('ticket_events')
    .values({
      id: newId(now),
      ticket_id: row.id,
      seq: row.event_count + 1,
      status: step.status,
      note: step.note,
      actor: step.actor,
      actor_id: step.actorId,
      created_at: at,
    })
    .execute();
  // Citizens who asked to be told: their notices commit with the move, or not at all.
  await queueStatusNotices(trx, { ticket: row, status: step.status, note: step.note, now });
  return { ...row, ...changes };
}
