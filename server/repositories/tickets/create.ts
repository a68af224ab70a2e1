import type { Kysely, Transaction } from 'kysely';
import type { FieldError } from '../../../src/domain/errors';
import type { Ticket, TicketInput } from '../../../src/domain/ticket';
import { batchedPer, type Settled } from '../../db/batches';
import type { CitizenTicketsTable } from '../../db/citizen-tables';
import type { Database, TicketIdempotencyKeysTable } from '../../db/tables';
import { addNewTicket, newFigureSums, writeFigureSums } from '../figure-sums';
import { inTransaction, type Idempotency, type KeyReused } from '../idempotency';
import { markPhotosUsed, usablePhotos } from '../uploads';
import { toTicket } from './assemble';
import { findTicketFirstUses, ticketKeyRow } from './idempotency-keys';
import { freeTicketNos, newTicketRows, type NewTicketRows, type TicketSource } from './new-ticket';

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

/**
 * Files a request, once per Idempotency-Key when there is one: checks what the form refers to (a commitment,
 * uploaded photos) and writes the ticket, its first event and the key, in one transaction.
 *
 * Requests that arrive together are filed together (decision 012): one transaction, and a few statements for the
 * whole batch instead of a dozen for each request. Each still gets its own answer, refused or made, and a batch
 * whose transaction fails is filed again one request at a time, so that one request's failure stays its own.
 */
export const createTicket: (db: Kysely<Database>, filing: Filing) => Promise<CreateTicketResult> =
  batchedPer(fileBatch, { max: MAX_BATCH });

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

/** A request being made: its rows, what its filer gets back, and what it was filed with. */
interface Made extends NewTicketRows {
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
    const one = { ...newTicketRows(filing, photos), filing, photos };
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
