import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomInt,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { District } from '../../src/domain/districts';
import type { FieldError } from '../../src/domain/errors';
import { median, type TicketCategoryStats, type TicketStats } from '../../src/domain/stats';
import {
  CITIZEN_ACTOR,
  RECEIVED_NOTE,
  REOPEN_NOTE,
  REOPEN_STATUS,
  TICKET_CATEGORIES,
  canMoveTicket,
  canRateTicket,
  formatTicketNo,
  ticketDueAt,
  type RatingScore,
  type Ticket,
  type TicketCategory,
  type TicketEvent,
  type TicketInput,
  type TicketRating,
  type TicketStatus,
} from '../../src/domain/ticket';
import { maskPhone } from '../../src/domain/ticket-rules';
import type { Database, TicketsTable } from '../db/tables';
import { isUniqueViolation } from '../db/database';
import { canonicalJson } from '../idempotency';
import { attachUploads, findUploadNames, uploadNameOf } from './uploads';

type Db = Kysely<Database> | Transaction<Database>;
type TicketRow = TicketsTable;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Retries a transaction that lost a race (unique violation or a moved ticket) a few times. */
async function withRetries<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !(isUniqueViolation(error) || error instanceof LostRace)) {
        throw error;
      }
    }
  }
}

class LostRace extends Error {}

/*
 * The access token on an Idempotency-Key replay. The server keeps only sha256(token) for checking it, so to give
 * the same token back it keeps the token sealed with AES-256-GCM under a key derived (HKDF) from the
 * Idempotency-Key and the body hash. The server stores only the key's hash, so a copy of the database alone opens
 * no box; the client that holds the key (a random UUID) can. Boxes go with their key after the retention period.
 */
function boxKey(idempotencyKey: string, requestHash: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', idempotencyKey.toLowerCase(), requestHash, 'ticket-access-token', 32),
  );
}

function sealToken(token: string, idempotencyKey: string, requestHash: string, ticketId: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(idempotencyKey, requestHash), iv);
  cipher.setAAD(Buffer.from(ticketId));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function openToken(box: string, idempotencyKey: string, requestHash: string, ticketId: string) {
  const [, iv, tag, sealed] = box.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', boxKey(idempotencyKey, requestHash), iv);
  decipher.setAAD(Buffer.from(ticketId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}

/** How long an Idempotency-Key is honoured. Older ones are deleted. */
export const IDEMPOTENCY_RETENTION_MS = 8 * 24 * 3600 * 1000;

export async function deleteExpiredIdempotencyKeys(db: Kysely<Database>, now: Date) {
  const before = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
  await db.deleteFrom('ticket_idempotency_keys').where('created_at', '<', before).execute();
}

/** Whether this key already made a ticket: its replays are answered, never rate-limited. */
export async function isKnownIdempotencyKey(db: Kysely<Database>, idempotencyKey: string) {
  const row = await db
    .selectFrom('ticket_idempotency_keys')
    .select('key_hash')
    .where('key_hash', '=', sha256(idempotencyKey.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export type CreateTicketResult =
  | { kind: 'created' | 'replayed'; ticket: Ticket; accessToken: string }
  | { kind: 'key_reused' }
  | { kind: 'invalid'; details: FieldError[] };

export interface CreateTicketArgs {
  input: TicketInput;
  idempotencyKey: string;
  now: Date;
}

/**
 * Files a request, once per Idempotency-Key: in one transaction it looks the key up (a replay returns the
 * first ticket and token), checks what the form referenced (commitment, photos), and writes the ticket, its first
 * event and the key. Concurrent duplicates meet at the key's primary key; the loser retries and finds the winner.
 */
export async function createTicket(
  db: Kysely<Database>,
  { input, idempotencyKey, now }: CreateTicketArgs,
): Promise<CreateTicketResult> {
  const keyHash = sha256(idempotencyKey.toLowerCase());
  const requestHash = sha256(canonicalJson(input));
  return withRetries(() =>
    db.transaction().execute(async (trx): Promise<CreateTicketResult> => {
      const known = await trx
        .selectFrom('ticket_idempotency_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      if (known) {
        if (known.request_hash !== requestHash) return { kind: 'key_reused' };
        const row = await trx
          .selectFrom('tickets')
          .selectAll()
          .where('id', '=', known.ticket_id)
          .executeTakeFirstOrThrow();
        const accessToken = openToken(known.token_box, idempotencyKey, requestHash, row.id);
        return {
          kind: 'replayed',
          ticket: await toTicket(trx, row, { fullContact: false }),
          accessToken,
        };
      }

      const details = await checkReferences(trx, input);
      if (details.length > 0) return { kind: 'invalid', details };

      const id = randomUUID();
      const accessToken = randomBytes(32).toString('base64url');
      const createdAt = now.toISOString();
      const photos = (input.photos ?? []).flatMap((p) => uploadNameOf(p) ?? []);
      // Swept between the check and now: start again, and the check refuses it.
      if (!(await attachUploads(trx, photos, createdAt))) throw new LostRace();
      const trimmed = (value: string | undefined) => value?.trim() || null;
      const row: TicketRow = {
        id,
        ticket_no: await freeTicketNo(trx, now),
        token_hash: sha256(accessToken),
        category: input.category,
        content: input.content.trim(),
        district: input.district,
        address: trimmed(input.address),
        commitment_id: trimmed(input.commitmentId),
        photos: JSON.stringify(photos.map((name) => `/api/uploads/${name}`)),
        anonymous: input.anonymous ? 1 : 0,
        contact_name: trimmed(input.contactName),
        phone: trimmed(input.phone),
        status: 'received',
        created_at: createdAt,
        due_at: ticketDueAt(input.category, now).toISOString(),
        resolved_at: null,
        first_resolved_at: null,
        resolution_count: 0,
        event_count: 1,
      };
      await trx.insertInto('tickets').values(row).execute();
      const firstEvent: TicketEvent = {
        status: 'received',
        note: RECEIVED_NOTE,
        actor: CITIZEN_ACTOR,
        createdAt,
      };
      await trx
        .insertInto('ticket_events')
        .values({
          id: randomUUID(),
          ticket_id: id,
          seq: 1,
          status: firstEvent.status,
          note: firstEvent.note,
          actor: firstEvent.actor,
          actor_id: null,
          created_at: createdAt,
        })
        .execute();
      await trx
        .insertInto('ticket_idempotency_keys')
        .values({
          key_hash: keyHash,
          request_hash: requestHash,
          ticket_id: id,
          token_box: sealToken(accessToken, idempotencyKey, requestHash, id),
          created_at: createdAt,
        })
        .execute();
      // What was just written, without reading it back.
      return {
        kind: 'created',
        ticket: assemble(row, [firstEvent], [], { fullContact: false }),
        accessToken,
      };
    }),
  );
}

/** The commitment and photos a request names must exist here. */
async function checkReferences(trx: Db, input: TicketInput): Promise<FieldError[]> {
  const details: FieldError[] = [];
  const commitmentId = input.commitmentId?.trim();
  if (commitmentId) {
    const found = await trx
      .selectFrom('commitments')
      .select('id')
      .where('id', '=', commitmentId)
      .executeTakeFirst();
    if (!found) details.push({ field: 'commitmentId', message: '没有找到这项民生实事' });
  }
  const photos = input.photos ?? [];
  if (photos.length > 0) {
    const names = photos.map(uploadNameOf);
    const known = await findUploadNames(
      trx,
      names.filter((n): n is string => n !== null),
    );
    if (names.some((n) => n === null || !known.has(n))) {
      details.push({ field: 'photos', message: '有照片没有上传成功，请删除后重新上传' });
    } else if (new Set(names).size !== names.length) {
      details.push({ field: 'photos', message: '同一张照片只需上传一次' });
    }
  }
  return details;
}

/** A free number for today: four digits while they last, then longer ones. */
async function freeTicketNo(trx: Db, now: Date): Promise<string> {
  for (let digits = 4; ; digits++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const candidate = formatTicketNo(
        now,
        String(randomInt(0, 10 ** digits)).padStart(digits, '0'),
      );
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

/** Ticket numbers are read aloud and typed in again: accept lower case and stray spaces. */
export function normalizeTicketNo(ticketNo: string): string {
  return ticketNo.trim().toUpperCase();
}

export async function findTicketRow(db: Db, ticketNo: string): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('ticket_no', '=', normalizeTicketNo(ticketNo))
    .executeTakeFirst();
}

const DUMMY_HASH = sha256('no such ticket');

/**
 * The ticket whose number and token match, or undefined. Constant-time compare of the hashes, and a compare
 * even for an unknown number, so that neither the answer nor its timing tells whether a number exists.
 */
export async function findTicketRowByToken(
  db: Db,
  ticketNo: string,
  token: string | undefined,
): Promise<TicketRow | undefined> {
  const row = await findTicketRow(db, ticketNo);
  const given = Buffer.from(sha256(token ?? ''), 'hex');
  const stored = Buffer.from(row?.token_hash ?? DUMMY_HASH, 'hex');
  const same = timingSafeEqual(given, stored);
  return row && token && same ? row : undefined;
}

export interface ViewOptions {
  /** Staff see the phone number in full; everyone else masked. */
  fullContact: boolean;
}

export async function toTicket(db: Db, row: TicketRow, view: ViewOptions): Promise<Ticket> {
  const [events, ratings] = await Promise.all([
    loadEvents(db, [row.id]),
    loadRatings(db, [row.id]),
  ]);
  return assemble(row, events.get(row.id) ?? [], ratings.get(row.id) ?? [], view);
}

function assemble(
  row: TicketRow,
  events: TicketEvent[],
  ratings: TicketRating[],
  { fullContact }: ViewOptions,
): Ticket {
  return {
    ticketNo: row.ticket_no,
    category: row.category as TicketCategory,
    content: row.content,
    district: row.district as District,
    address: row.address,
    commitmentId: row.commitment_id,
    photos: JSON.parse(row.photos) as string[],
    anonymous: row.anonymous === 1,
    contactName: row.contact_name,
    phone: row.phone === null ? null : fullContact ? row.phone : maskPhone(row.phone),
    status: row.status as TicketStatus,
    createdAt: row.created_at,
    dueAt: row.due_at,
    resolvedAt: row.resolved_at,
    events,
    ratings,
  };
}

async function loadEvents(db: Db, ticketIds: string[]): Promise<Map<string, TicketEvent[]>> {
  const byTicket = new Map<string, TicketEvent[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db
    .selectFrom('ticket_events')
    .select(['ticket_id', 'status', 'note', 'actor', 'created_at'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('ticket_id')
    .orderBy('seq')
    .execute();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id) ?? [];
    list.push({
      status: row.status as TicketStatus,
      note: row.note,
      actor: row.actor,
      createdAt: row.created_at,
    });
    byTicket.set(row.ticket_id, list);
  }
  return byTicket;
}

async function loadRatings(db: Db, ticketIds: string[]): Promise<Map<string, TicketRating[]>> {
  const byTicket = new Map<string, TicketRating[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db
    .selectFrom('ticket_ratings')
    .select(['ticket_id', 'score', 'comment', 'created_at'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('ticket_id')
    .orderBy('resolution')
    .execute();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id) ?? [];
    list.push({ score: row.score as RatingScore, comment: row.comment, createdAt: row.created_at });
    byTicket.set(row.ticket_id, list);
  }
  return byTicket;
}

export type ChangeResult =
  { kind: 'ok'; row: TicketRow } | { kind: 'invalid_transition' } | { kind: 'already_rated' };

/** Moves a ticket on by one event, if its state has not moved since it was read (else the caller retries). */
async function appendEvent(
  trx: Transaction<Database>,
  row: TicketRow,
  event: { status: TicketStatus; note: string; actor: string; actorId: string | null },
  now: Date,
): Promise<TicketRow> {
  const at = now.toISOString();
  const resolving = event.status === 'resolved' && row.status !== 'resolved';
  const changes: Partial<TicketRow> = {
    status: event.status,
    event_count: row.event_count + 1,
    ...(resolving && {
      resolved_at: at,
      first_resolved_at: row.first_resolved_at ?? at,
      resolution_count: row.resolution_count + 1,
    }),
    ...(event.status !== 'resolved' && { resolved_at: null }),
  };
  const result = await trx
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', row.id)
    .where('event_count', '=', row.event_count)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
  await trx
    .insertInto('ticket_events')
    .values({
      id: randomUUID(),
      ticket_id: row.id,
      seq: row.event_count + 1,
      status: event.status,
      note: event.note,
      actor: event.actor,
      actor_id: event.actorId,
      created_at: at,
    })
    .execute();
  return { ...row, ...changes };
}

/** A worker's step: dispatch, reply, resolve. The state machine is `canMoveTicket`. */
export async function addStaffEvent(
  db: Kysely<Database>,
  ticketId: string,
  event: { status: TicketStatus; note: string; actor: string; actorId: string },
  now: Date,
): Promise<ChangeResult> {
  return withRetries(() =>
    db.transaction().execute(async (trx): Promise<ChangeResult> => {
      const row = await trx
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow();
      if (!canMoveTicket(row.status as TicketStatus, event.status)) {
        return { kind: 'invalid_transition' };
      }
      return { kind: 'ok', row: await appendEvent(trx, row, event, now) };
    }),
  );
}

/** The submitter's rating of the current resolution; 不满意 reopens the request. */
export async function rateTicket(
  db: Kysely<Database>,
  ticketId: string,
  rating: { score: RatingScore; comment?: string },
  now: Date,
): Promise<ChangeResult> {
  const outcome = await withRetries(() =>
    db.transaction().execute(async (trx): Promise<ChangeResult> => {
      const row = await trx
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow();
      const rated = await trx
        .selectFrom('ticket_ratings')
        .select('id')
        .where('ticket_id', '=', row.id)
        .where('resolution', '=', row.resolution_count)
        .executeTakeFirst();
      // A rating belongs to the resolution it follows: one per resolution.
      if (rated) return { kind: 'already_rated' };
      if (!canRateTicket(row.status as TicketStatus)) return { kind: 'invalid_transition' };
      await trx
        .insertInto('ticket_ratings')
        .values({
          id: randomUUID(),
          ticket_id: row.id,
          resolution: row.resolution_count,
          score: rating.score,
          comment: rating.comment?.trim() || null,
          created_at: now.toISOString(),
        })
        .execute();
      if (rating.score !== 1) return { kind: 'ok', row };
      const reopened = await appendEvent(
        trx,
        row,
        { status: REOPEN_STATUS, note: REOPEN_NOTE, actor: CITIZEN_ACTOR, actorId: null },
        now,
      );
      return { kind: 'ok', row: reopened };
    }),
  ).catch((error: unknown) => {
    // Two ratings of the same resolution at once: the database let one in.
    if (isUniqueViolation(error)) return { kind: 'already_rated' } as const;
    throw error;
  });
  return outcome;
}

export interface TicketQuery {
  /** A worker's district; undefined for an admin (all districts). */
  district?: string;
  status?: TicketStatus;
  category?: TicketCategory;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

interface QueueCursor {
  dueAt: string;
  id: string;
}

function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.id])).toString('base64url');
}

/** The cursor of a page, or null when it is not one this server made. */
export function decodeCursor(cursor: string): QueueCursor | null {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    return typeof dueAt === 'string' && typeof id === 'string' ? { dueAt, id } : null;
  } catch {
    return null;
  }
}

/**
 * The staff queue, most urgent (earliest due) first. The cursor is the last item's (due time, id): keyset
 * pagination stays correct while new requests arrive.
 */
export async function findTickets(
  db: Kysely<Database>,
  query: TicketQuery,
  now: Date,
): Promise<{ items: Ticket[]; nextCursor: string | null; total: number }> {
  let base = db.selectFrom('tickets');
  if (query.district) base = base.where('district', '=', query.district);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.category) base = base.where('category', '=', query.category);
  if (query.overdue !== undefined) {
    const nowIso = now.toISOString();
    base = query.overdue
      ? base.where('status', '!=', 'resolved').where('due_at', '<', nowIso)
      : base.where((eb) => eb.or([eb('status', '=', 'resolved'), eb('due_at', '>=', nowIso)]));
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();

  let page = base.selectAll();
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    page = page.where((eb) =>
      eb.or([
        eb('due_at', '>', after.dueAt),
        eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('due_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const ids = pageRows.map((r) => r.id);
  const [events, ratings] = await Promise.all([loadEvents(db, ids), loadRatings(db, ids)]);
  const items = pageRows.map((row) =>
    assemble(row, events.get(row.id) ?? [], ratings.get(row.id) ?? [], { fullContact: true }),
  );
  const last = pageRows[pageRows.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor({ dueAt: last.due_at, id: last.id }) : null,
    total: Number(total),
  };
}

const HOUR_MS = 3600 * 1000;
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** Figures of the 民呼必应 requests, overall and per category. */
export async function getTicketStats(db: Kysely<Database>): Promise<TicketStats> {
  const counts = await db
    .selectFrom('tickets')
    .select(['category', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['category', 'status'])
    .execute();
  const ratings = await db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select('tickets.category')
    .select((eb) => [
      eb.fn.countAll<number>().as('rated'),
      // 满意 and 基本满意 count as satisfied.
      eb.fn.sum<number>(sql`case when ticket_ratings.score >= 2 then 1 else 0 end`).as('satisfied'),
    ])
    .groupBy('tickets.category')
    .execute();
  const durations = await db
    .selectFrom('tickets')
    .select(['created_at', 'first_resolved_at'])
    .where('first_resolved_at', 'is not', null)
    .execute();

  const byCategory: TicketCategoryStats[] = TICKET_CATEGORIES.map(({ code, name }) => {
    const mine = counts.filter((c) => c.category === code);
    const total = mine.reduce((sum, c) => sum + Number(c.n), 0);
    const resolved = mine
      .filter((c) => c.status === 'resolved')
      .reduce((sum, c) => sum + Number(c.n), 0);
    const r = ratings.find((x) => x.category === code);
    return {
      category: code,
      name,
      total,
      resolved,
      closureRate: rate(resolved, total),
      satisfactionRate: r ? rate(Number(r.satisfied), Number(r.rated)) : null,
    };
  }).filter((c) => c.total > 0);

  const total = byCategory.reduce((sum, c) => sum + c.total, 0);
  const resolved = byCategory.reduce((sum, c) => sum + c.resolved, 0);
  const rated = ratings.reduce((sum, r) => sum + Number(r.rated), 0);
  const satisfied = ratings.reduce((sum, r) => sum + Number(r.satisfied), 0);
  const hours = median(
    durations.map((d) => (Date.parse(d.first_resolved_at!) - Date.parse(d.created_at)) / HOUR_MS),
  );
  return {
    total,
    open: total - resolved,
    resolved,
    closureRate: rate(resolved, total),
    satisfactionRate: rate(satisfied, rated),
    medianHoursToResolve: hours === null ? null : Math.round(hours * 10) / 10,
    byCategory,
  };
}
