import type { Kysely } from 'kysely';
import type { TicketStatus } from '../../src/domain/ticket';
import type { Database } from '../db/tables';

/*
 * The sender's side of the status-notice outbox. A notice is claimed (pending → sending, its try counted, a lease
 * set) in a transaction of its own before WeChat is called, so that no other process takes it meanwhile; then how
 * the call went is recorded, only if the claim still holds. A claim whose process died before recording lapses and
 * the notice is marked `unknown`, never sent again: WeChat may have delivered it, and nobody gets a notice twice.
 */

export interface ClaimedNotice {
  id: string;
  ticketNo: string;
  /** Whom WeChat delivers it to. Never logged, never sent anywhere but WeChat. */
  openid: string;
  templateId: string;
  status: TicketStatus;
  note: string;
  movedAt: string;
  /** Tries so far, this one included. */
  attempts: number;
  createdAt: string;
}

/**
 * Claims up to `limit` notices that are due, oldest due first. On PostgreSQL the rows are read `FOR UPDATE SKIP
 * LOCKED`, so that processes claiming at once take different notices instead of waiting on each other; the claim
 * itself is conditional (still pending), so no notice is ever claimed twice.
 */
export async function claimDueNotices(
  db: Kysely<Database>,
  {
    now,
    limit,
    leaseMs,
    skipLocked,
  }: { now: Date; limit: number; leaseMs: number; skipLocked: boolean },
): Promise<ClaimedNotice[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('status_notices')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .orderBy('event_seq')
      .orderBy('id')
      .limit(limit)
      .$if(skipLocked, (q) => q.forUpdate().skipLocked())
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('status_notices')
      .set((eb) => ({
        state: 'sending',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: new Date(now.getTime() + leaseMs).toISOString(),
      }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .where('state', '=', 'pending')
      .returning([
        'id',
        'ticket_no',
        'citizen_id',
        'template_id',
        'event_seq',
        'status',
        'note',
        'moved_at',
        'attempts',
        'created_at',
      ])
      .execute();
    if (rows.length === 0) return [];
    const citizens = await trx
      .selectFrom('citizens')
      .select(['id', 'openid'])
      .where('id', 'in', [...new Set(rows.map((r) => r.citizen_id))])
      .execute();
    const openids = new Map(citizens.map((c) => [c.id, c.openid]));
    return (
      rows
        .map((r) => ({
          id: r.id,
          ticketNo: r.ticket_no,
          openid: openids.get(r.citizen_id)!,
          templateId: r.template_id,
          status: r.status as TicketStatus,
          note: r.note,
          movedAt: r.moved_at,
          attempts: r.attempts,
          createdAt: r.created_at,
          seq: r.event_seq,
        }))
        // In the order of the moves they tell of.
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq)
        .map(({ seq: _seq, ...notice }) => notice)
    );
  });
}

/** How a try went: delivered, to be tried again at `retryAt`, or over for good. */
export type NoticeOutcome =
  | { state: 'sent' }
  | { state: 'pending'; retryAt: Date; error: string }
  | { state: 'refused' | 'failed' | 'unknown'; error: string };

/** Records the outcome of a claimed try; false when the claim no longer held (it lapsed meanwhile). */
export async function recordNoticeOutcome(
  db: Kysely<Database>,
  { notice, outcome, now }: { notice: ClaimedNotice; outcome: NoticeOutcome; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('status_notices')
    .set({
      state: outcome.state,
      ...(outcome.state === 'sent'
        ? { sent_at: now.toISOString(), last_error: null }
        : { last_error: outcome.error.slice(0, 200) }),
      ...(outcome.state === 'pending' && { next_attempt_at: outcome.retryAt.toISOString() }),
    })
    .where('id', '=', notice.id)
    .where('state', '=', 'sending')
    .where('attempts', '=', notice.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Claims whose lease ran out without an outcome (their process stopped mid-call) become `unknown`: answers their
 * ticket numbers, for the log.
 */
export async function expireLapsedClaims(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<string[]> {
  const rows = await db
    .updateTable('status_notices')
    .set({ state: 'unknown', last_error: 'stopped while sending' })
    .where('state', '=', 'sending')
    .where('next_attempt_at', '<', now.toISOString())
    .returning('ticket_no')
    .execute();
  return rows.map((r) => r.ticket_no);
}
