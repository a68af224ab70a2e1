import type { Kysely, Transaction } from 'kysely';
import type {
  NotificationState,
  TicketNotification,
  TicketNotifications,
} from '../../src/domain/citizen';
import type { TicketStatus } from '../../src/domain/ticket';
import { newId } from '../auth/crypto';
import type { Database } from '../db/tables';
import { inTransaction, LostRace } from './idempotency';
import { linkCitizenTicket } from './tickets/access';
import { findTicketRow } from './tickets/find';

/*
 * WeChat status notices: a citizen's grants (one tap on 允许, one notice) and the outbox of notices, each written in
 * the transaction of the move it tells of. The sender (server/wechat/sender.ts) claims due notices, sends them, and
 * records how each went.
 */

/** Grants one citizen may keep waiting on one request: enough for every move it can still make. */
export const MAX_WAITING_GRANTS = 10;

export type AddSubscriptionResult = { kind: 'created'; waiting: number } | { kind: 'not_found' };

/** Records a grant of the citizen for the request (which becomes theirs, listed in 我的诉求). */
export async function addSubscription(
  db: Kysely<Database>,
  {
    ticketNo,
    citizenId,
    templateId,
    now,
  }: { ticketNo: string; citizenId: string; templateId: string; now: Date },
): Promise<AddSubscriptionResult> {
  return inTransaction<AddSubscriptionResult>(db, async (trx) => {
    const row = await findTicketRow(trx, { ticketNo });
    if (!row) return { kind: 'not_found' };
    const waiting = await waitingGrants(trx, { ticketId: row.id, citizenId });
    if (waiting < MAX_WAITING_GRANTS) {
      await trx
        .insertInto('ticket_subscriptions')
        .values({
          id: newId(now),
          ticket_id: row.id,
          citizen_id: citizenId,
          template_id: templateId,
          created_at: now.toISOString(),
          used_at: null,
        })
        .execute();
    }
    await linkCitizenTicket(trx, { citizenId, row });
    return { kind: 'created', waiting: Math.min(waiting + 1, MAX_WAITING_GRANTS) };
  });
}

async function waitingGrants(
  db: Kysely<Database>,
  { ticketId, citizenId }: { ticketId: string; citizenId?: string },
): Promise<number> {
  const { n } = await db
    .selectFrom('ticket_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .where('used_at', 'is', null)
    .$if(citizenId !== undefined, (q) => q.where('citizen_id', '=', citizenId!))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Inside the transaction of a move (`ticket` as it was before the move): one notice for each citizen with a grant
 * waiting on the request, taking their oldest grant. Committed with the move or not at all.
 */
export async function queueStatusNotices(
  trx: Transaction<Database>,
  {
    ticket,
    status,
    note,
    now,
  }: {
    ticket: { id: string; ticket_no: string; event_count: number };
    status: TicketStatus;
    note: string;
    now: Date;
  },
): Promise<void> {
  const grants = await trx
    .selectFrom('ticket_subscriptions')
    .select(['id', 'citizen_id', 'template_id'])
    .where('ticket_id', '=', ticket.id)
    .where('used_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const at = now.toISOString();
  const seen = new Set<string>();
  for (const grant of grants) {
    if (seen.has(grant.citizen_id)) continue;
    seen.add(grant.citizen_id);
    const used = await trx
      .updateTable('ticket_subscriptions')
      .set({ used_at: at })
      .where('id', '=', grant.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new LostRace();
    await trx
      .insertInto('status_notices')
      .values({
        id: newId(now),
        subscription_id: grant.id,
        ticket_id: ticket.id,
        ticket_no: ticket.ticket_no,
        citizen_id: grant.citizen_id,
        template_id: grant.template_id,
        event_seq: ticket.event_count + 1,
        status,
        note,
        moved_at: at,
        state: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        sent_at: null,
      })
      .execute();
  }
}

/** What staff see of a request's notices, newest first. */
export async function listTicketNotifications(
  db: Kysely<Database>,
  { ticketNo }: { ticketNo: string },
): Promise<TicketNotifications | undefined> {
  const row = await findTicketRow(db, { ticketNo });
  if (!row) return undefined;
  const notices = await db
    .selectFrom('status_notices')
    .select(['status', 'note', 'state', 'created_at', 'sent_at'])
    .where('ticket_id', '=', row.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const items: TicketNotification[] = notices.map((n) => ({
    status: n.status as TicketStatus,
    note: n.note,
    state: n.state as NotificationState,
    queuedAt: n.created_at,
    sentAt: n.sent_at,
  }));
  return { waitingGrants: await waitingGrants(db, { ticketId: row.id }), items };
}
