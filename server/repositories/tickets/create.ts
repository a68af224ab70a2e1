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
import { inBatches, type Settled } from '../../db/batches';
import type { CitizenTicketsTable } from '../../db/citizen-tables';
import type {
  Database,
  TicketEventsTable,
  TicketIdempotencyKeysTable,
  TicketsTable,
} from '../../db/tables';
import { addNewTicket, newFigureSums, writeFigureSums } from '../figure-sums';
import { inTransaction, type Idempotency, type KeyReused } from '../idempotency';
import { markPhotosUsed, usablePhotos } from '../uploads';
import { toTicket } from './assemble';
import { findTicketFirstUses, ticketKeyRow } from './idempotency-keys';

/** A request handed over by another system: the key it came through, that system's name, the contact's email. */
export interface TicketSource {
  keyId: string;
  system: string;
  email?: string;
}

/** A request as filed: what was sent, and by whom. */
export interface Filing {
  input: TicketInput;
  idempotency: Idempotency | null;
  now: Date;
  source?: TicketSource;
  /** Filed signed in with WeChat: the request is the citizen's, on any phone. */
  citizenId?: string | null;
}

export type CreateTicketResult =
  | { kind: 'created' | 'replayed'; ticket: Ticket; accessToken: string }
  | { kind: 'validation_failed'; errors: FieldError[] }
  | KeyReused;

/** At most this many requests are filed in one transaction. */
const MAX_BATCH = 256;

const batchesOf = new WeakMap<Kysely<Database>, (filing: Filing) => Promise<CreateTicketResult>>();

/**
 * Files a request, once per Idempotency-Key when there is one: checks what the form refers to (a commitment,
 * uploaded photos) and writes the ticket, its first event and the key, in one transaction.
 *
 * Requests that arrive together are filed together (decision 012): one transaction, and a few statements for the
 * whole batch instead of a dozen for each request. Each still gets its own answer, refused or made, and a batch
 * whose transaction fails is filed again one request at a time, so that one request's failure stays its own.
 */
export function createTicket(db: Kysely<Database>, filing: Filing): Promise<CreateTicketResult> {
  let file = batchesOf.get(db);
  if (!file) {
    file = inBatches((filings: Filing[]) => fileBatch(db, filings), { max: MAX_BATCH });
    batchesOf.set(db, file);
  }
  return file(filing);
}

async function fileBatch(
  db: Kysely<Database>,
  filings: Filing[],
): Promise<Settled<CreateTicketResult>[]> {
  const fileAll = (some: Filing[]) => inTransaction(db, (trx) => fileTickets(trx, some));
  if (filings.length > 1) {
    try {
      return (await fileAll(filings)).map((value) => ({ ok: true, value }));
    } catch {
      // One at a time below: whichever request failed the batch fails alone.
    }
  }
  return Promise.all(
    filings.map((filing) =>
      fileAll([filing]).then(
        ([value]) => ({ ok: true, value }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      ),
    ),
  );
}

/** A request being made: its rows, and what its filer gets back. */
interface Made {
  row: TicketsTable;
  event: TicketEventsTable;
  received: TicketEvent;
  accessToken: string;
  filing: Filing;
  photos: string[];
}

/**
 * Files `filings` in the caller's transaction, under the one policy of `createOnce`: a key used before answers what
 * it made (or `idempotency_key_reused` for another body), a key used twice in the batch likewise, a request that
 * refers to what is not there is refused before anything is written, and the others are written together.
 */
async function fileTickets(
  trx: Transaction<Database>,
  filings: Filing[],
): Promise<CreateTicketResult[]> {
  const keys = filings.flatMap((f) => (f.idempotency ? [f.idempotency] : []));
  const firstUses = await findTicketFirstUses(trx, keys);
  const missing = await missingCommitments(trx, filings);
  const madeByKey = new Map<string, { requestHash: string; made: Made }>();
  const made: Made[] = [];
  const answers: (CreateTicketResult | Made)[] = [];

  for (const filing of filings) {
    const { idempotency: used, input } = filing;
    const first = used && firstUses.get(used.key);
    const earlier = used && madeByKey.get(used.key);
    if (used && (first || earlier)) {
      if ((first ?? earlier)!.requestHash !== used.requestHash) {
        answers.push({ kind: 'idempotency_key_reused' });
      } else if (first) {
        answers.push({ kind: 'replayed', ...(await first.replay()) });
      } else {
        answers.push(earlier!.made);
      }
      continue;
    }
    const errors: FieldError[] = [];
    if (input.commitmentId && missing.has(input.commitmentId)) {
      errors.push({ field: 'commitmentId', message: '没有找到这项民生实事' });
    }
    const photos = await usablePhotos(trx, { photos: input.photos ?? [] });
    if (!photos) {
      errors.push({ field: 'photos', message: '有照片没有上传成功，请删除后重新上传' });
    }
    if (!photos || errors.length > 0) {
      answers.push({ kind: 'validation_failed', errors });
      continue;
    }
    const one = newTicket(filing, photos);
    made.push(one);
    answers.push(one);
    if (used) madeByKey.set(used.key, { requestHash: used.requestHash, made: one });
  }

  await writeTickets(trx, made);
  return answers.map((answer, i) => {
    if (!('row' in answer)) return answer;
    const ticket = toTicket(answer.row, {
      events: [answer.received],
      ratings: [],
      view: 'submitter',
    });
    // The second filing of a key in this batch gets the first's ticket again.
    const kind = answer.filing === filings[i] ? 'created' : 'replayed';
    return { kind, ticket, accessToken: answer.accessToken };
  });
}

/** The commitments referred to that are not there. */
async function missingCommitments(
  trx: Transaction<Database>,
  filings: Filing[],
): Promise<Set<string>> {
  const ids = [...new Set(filings.flatMap((f) => f.input.commitmentId ?? []))];
  if (ids.length === 0) return new Set();
  const found = await trx.selectFrom('commitments').select('id').where('id', 'in', ids).execute();
  const there = new Set(found.map((c) => c.id));
  return new Set(ids.filter((id) => !there.has(id)));
}

/** A new request's rows; its number is given when it is written. */
function newTicket(filing: Filing, photos: string[]): Made {
  const { input, now, source } = filing;
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
  return { row, event, received, accessToken, filing, photos };
}

/** The new requests, their first events, keys and citizens' links, and what they add to the kept figures. */
async function writeTickets(trx: Transaction<Database>, made: Made[]): Promise<void> {
  if (made.length === 0) return;
  const numbers = await freeTicketNos(
    trx,
    made.map((m) => m.filing.now),
  );
  made.forEach((m, i) => (m.row.ticket_no = numbers[i]));
  const sums = newFigureSums();
  const keys: TicketIdempotencyKeysTable[] = [];
  const links: CitizenTicketsTable[] = [];
  for (const { row, accessToken, filing, photos } of made) {
    await markPhotosUsed(trx, { photos, now: filing.now });
    addNewTicket(sums, { row, ratings: [] });
    if (filing.idempotency) {
      keys.push(
        ticketKeyRow({
          idempotency: filing.idempotency,
          ticketId: row.id,
          accessToken,
          now: filing.now,
        }),
      );
    }
    if (filing.citizenId) {
      links.push({ citizen_id: filing.citizenId, ticket_id: row.id, filed_at: row.created_at });
    }
  }
  await trx
    .insertInto('tickets')
    .values(made.map((m) => m.row))
    .execute();
  await trx
    .insertInto('ticket_events')
    .values(made.map((m) => m.event))
    .execute();
  if (keys.length > 0) await trx.insertInto('ticket_idempotency_keys').values(keys).execute();
  if (links.length > 0) {
    await trx
      .insertInto('citizen_tickets')
      .values(links)
      .onConflict((oc) => oc.columns(['citizen_id', 'ticket_id']).doNothing())
      .execute();
  }
  await writeFigureSums(trx, sums);
}

/**
 * A free number for each day given: four digits while they last, then longer ones. Drawn for all at once, and drawn
 * again for those taken (in the database or in this batch).
 */
async function freeTicketNos(trx: Transaction<Database>, days: Date[]): Promise<string[]> {
  const numbers: string[] = new Array<string>(days.length);
  const chosen = new Set<string>();
  let pending = days.map((_, i) => i);
  for (let round = 0; pending.length > 0; round++) {
    const digits = 4 + Math.floor(round / 4);
    if (digits > 8) throw new Error('no free ticket number');
    const candidates = pending.map((i) =>
      formatTicketNo(days[i], String(randomInt(0, 10 ** digits)).padStart(digits, '0')),
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
      if (unavailable.has(candidate) || chosen.has(candidate)) return again.push(i);
      numbers[i] = candidate;
      chosen.add(candidate);
    });
    pending = again;
  }
  return numbers;
}
