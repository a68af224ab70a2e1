import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  CITIZEN_ACTOR,
  RECEIVED_NOTE,
  formatTicketNo,
  systemActor,
  ticketDueAt,
  type TicketEvent,
  type TicketInput,
} from '../../../src/domain/ticket';
import { hashToken, newId, newToken } from '../../auth/crypto';
import type { Database, TicketEventsTable, TicketsTable } from '../../db/tables';

/*
 * What a new request is made of, before it is written (create.ts writes a batch of them): its row, its first event,
 * its access token, and a free number of its day.
 */

/** A request handed over by another system: the key it came through, that system's name, the contact's email. */
export interface TicketSource {
  keyId: string;
  system: string;
  email?: string;
}

/** A new request's rows, its first event as its filer sees it, and its access token. */
export interface NewTicketRows {
  row: TicketsTable;
  event: TicketEventsTable;
  received: TicketEvent;
  accessToken: string;
}

/** A new request's rows; its number (`freeTicketNos`) is given when it is written. */
export function newTicketRows(
  { input, now, source }: { input: TicketInput; now: Date; source?: TicketSource },
  photos: string[],
): NewTicketRows {
  const accessToken = newToken();
  const row: TicketsTable = {
    id: newId(now),
    ticket_no: '',
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
  const received: TicketEvent = {
    status: 'received',
    note: RECEIVED_NOTE,
    actor: source ? systemActor(source.system) : CITIZEN_ACTOR,
    createdAt: row.created_at,
  };
  const event: TicketEventsTable = {
    id: newId(now),
    ticket_id: row.id,
    seq: 1,
    status: received.status,
    note: received.note,
    actor: received.actor,
    actor_id: null,
    created_at: received.createdAt,
  };
  return { row, event, received, accessToken };
}

/**
 * How many digits a day's new numbers start with, as this process has found: four, and one more once over a quarter
 * of the last 64 numbers drawn at that length were taken. A busy day's batches then start where numbers are free,
 * instead of each first drawing the short ones that are all but gone (a day of 10,000 requests took three rounds of
 * draws a batch). A hint only: another process may start shorter, and still finds a free number.
 */
export class StartingDigits {
  private days = new Map<string, { digits: number; drawn: number; taken: number }>();

  of(day: string): number {
    return this.days.get(day)?.digits ?? SHORTEST;
  }

  /** `taken` of `drawn` numbers of `digits` drawn for `day` were taken. */
  record(day: string, digits: number, drawn: number, taken: number): void {
    let seen = this.days.get(day);
    if (!seen) {
      // Only the days being filed now: today, and yesterday for a moment at midnight.
      if (this.days.size > 2) this.days.clear();
      seen = { digits: SHORTEST, drawn: 0, taken: 0 };
      this.days.set(day, seen);
    }
    if (digits !== seen.digits) return;
    seen.drawn += drawn;
    seen.taken += taken;
    if (seen.drawn < JUDGED_OVER) return;
    // Judged over the last draws only: a day's early draws, when it was empty, say nothing of it now.
    const crowded = seen.taken * 4 > seen.drawn && seen.digits < MAX_DIGITS;
    Object.assign(seen, { digits: seen.digits + (crowded ? 1 : 0), drawn: 0, taken: 0 });
  }
}

const SHORTEST = 4;
const MAX_DIGITS = 8;
const JUDGED_OVER = 64;
const startingDigits = new StartingDigits();

/**
 * A free number for each day given: of the day's starting digits (StartingDigits), then longer ones. Drawn for all
 * at once, and drawn again for those taken (in the database or in this batch).
 */
export async function freeTicketNos(trx: Transaction<Database>, days: Date[]): Promise<string[]> {
  const numbers: string[] = new Array<string>(days.length);
  const chosen = new Set<string>();
  const dayOf = days.map((day) => formatTicketNo(day, ''));
  let pending = days.map((_, i) => i);
  for (let round = 0; pending.length > 0; round++) {
    const digits = pending.map((i) => startingDigits.of(dayOf[i]) + Math.floor(round / 4));
    if (digits.some((d) => d > MAX_DIGITS)) throw new Error('no free ticket number');
    const candidates = pending.map((i, k) =>
      formatTicketNo(days[i], String(randomInt(0, 10 ** digits[k])).padStart(digits[k], '0')),
    );
    const taken = await trx
      .selectFrom('tickets')
      .select('ticket_no')
      .where('ticket_no', 'in', candidates)
      .execute();
    const unavailable = new Set(taken.map((t) => t.ticket_no));
    const again: number[] = [];
    pending.forEach((i, k) => {
      const candidate = candidates[k];
      startingDigits.record(dayOf[i], digits[k], 1, unavailable.has(candidate) ? 1 : 0);
      if (unavailable.has(candidate) || chosen.has(candidate)) return again.push(i);
      numbers[i] = candidate;
      chosen.add(candidate);
    });
    pending = again;
  }
  return numbers;
}
