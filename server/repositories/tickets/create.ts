import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { FieldError } from '../../../src/domain/errors';
import {
  CITIZEN_ACTOR,
  RECEIVED_NOTE,
  systemActor,
  formatTicketNo,
  ticketDueAt,
  type Ticket,
  type TicketEvent,
  type TicketInput,
} from '../../../src/domain/ticket';
import { hashToken, newId, newToken } from '../../auth/crypto';
import type { Database, TicketsTable } from '../../db/tables';
import { createOnce, type Idempotency, type KeyReused } from '../idempotency';
import { commitmentExists } from '../commitments';
import { attachPhotos } from '../uploads';
import { countTicketFiled } from '../ticket-figures';
import { linkCitizenTicket } from './access';
import { toTicket } from './assemble';
import { countTicketChange } from './tallies';
import { findTicketFirstUse, recordTicketKey } from './idempotency-keys';

/** A request handed over by another system: the key it came through, that system's name, the contact's email. */
export interface TicketSource {
  keyId: string;
  system: string;
  email?: string;
}

export type CreateTicketResult =
  | { kind: 'created' | 'replayed'; ticket: Ticket; accessToken: string }
  | { kind: 'validation_failed'; errors: FieldError[] }
  | KeyReused;

/**
 * Files a request, once per Idempotency-Key when there is one (see `createOnce`): checks what the form refers to (a commitment,
 * uploaded photos) and writes the ticket, its first event and the key, in one transaction.
 */
export async function createTicket(
  db: Kysely<Database>,
  {
    input,
    idempotency,
    now,
    source,
    citizenId,
  }: {
    input: TicketInput;
    idempotency: Idempotency | null;
    now: Date;
    source?: TicketSource;
    /** Filed signed in with WeChat: the request is the citizen's, on any phone. */
    citizenId?: string | null;
  },
): Promise<CreateTicketResult> {
  return createOnce(db, {
    idempotency,
    findFirstUse: findTicketFirstUse,
    create: async (trx, refuse) => {
      const errors: FieldError[] = [];
      if (input.commitmentId && !(await commitmentExists(trx, { id: input.commitmentId }))) {
        errors.push({ field: 'commitmentId', message: '没有找到这项民生实事' });
      }
      const photos = await attachPhotos(trx, { photos: input.photos ?? [], now });
      if (!photos) {
        errors.push({ field: 'photos', message: '有照片没有上传成功，请删除后重新上传' });
      }
      if (!photos || errors.length > 0) return refuse({ kind: 'validation_failed', errors });

      const accessToken = newToken();
      const row: TicketsTable = {
        id: newId(now),
        ticket_no: await freeTicketNo(trx, { now }),
        token_hash: hashToken(accessToken),
        category: input.category,
        content: input.content,
        district: input.district,
        address: input.address ?? null,
        location_lat: input.location?.lat ?? null,
        location_long: input.location?.long ?? null,
        commitment_id: input.commitmentId ?? null,
        photos: JSON.stringify(photos),
        anonymous: input.anonymous ? 1 : 0,
        contact_name: input.contactName ?? null,
        phone: input.phone ?? null,
        status: 'received',
        created_at: now.toISOString(),
        due_at: ticketDueAt(input.category, now).toISOString(),
        resolved_at: null,
        first_resolved_at: null,
        resolution_count: 0,
        event_count: 1,
        contact_email: source?.email ?? null,
        source_key_id: source?.keyId ?? null,
        overdue_counted: 0,
      };
      await trx.insertInto('tickets').values(row).execute();
      await countTicketFiled(trx, { ticket: row });
      await countTicketChange(trx, { before: null, after: row });
      const received: TicketEvent = {
        status: 'received',
        note: RECEIVED_NOTE,
        actor: source ? systemActor(source.system) : CITIZEN_ACTOR,
        createdAt: row.created_at,
      };
      await trx
        .insertInto('ticket_events')
        .values({
          id: newId(now),
          ticket_id: row.id,
          seq: 1,
          status: received.status,
          note: received.note,
          actor: received.actor,
          actor_id: null,
          created_at: received.createdAt,
        })
        .execute();
      if (idempotency)
        await recordTicketKey(trx, { idempotency, ticketId: row.id, accessToken, now });
      if (citizenId) await linkCitizenTicket(trx, { citizenId, row });
      // What was just written, without reading it back.
      const ticket = toTicket(row, { events: [received], ratings: [], view: 'submitter' });
      return { kind: 'created', ticket, accessToken };
    },
  });
}

/** A free number for today: four digits while they last, then longer ones. */
async function freeTicketNo(trx: Transaction<Database>, { now }: { now: Date }): Promise<string> {
  for (let digits = 4; ; digits++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const serial = String(randomInt(0, 10 ** digits)).padStart(digits, '0');
      const candidate = formatTicketNo(now, serial);
      const taken = await trx
        .selectFrom('tickets')
        .select('id')
        .where('ticket_no', '=', candidate)
        .executeTakeFirst();
      if (!taken) return candidate;
    }
    if (digits >= 8) throw new Error('no free ticket number');
  }
}
