import type { District } from '../../src/domain/districts';
import {
  CITIZEN_ACTOR,
  RECEIVED_NOTE,
  REOPEN_NOTE,
  REOPEN_STATUS,
  canMoveTicket,
  canRateTicket,
  formatTicketNo,
  ratingReopens,
  ticketCategory,
  ticketDueAt,
  type RatingScore,
  type TicketStatus,
} from '../../src/domain/ticket';
import type { TicketEventsTable, TicketRatingsTable, TicketsTable } from '../db/tables';
import type { Random } from './random';
import {
  CATEGORY_WEIGHTS,
  DISTRICT_WEIGHTS,
  RATING_COMMENTS,
  STAFF_NOTES,
  contactName,
  requestText,
  samplePhone,
} from './texts';

const HOUR_MS = 3600 * 1000;

/** One generated request: its row, its events and ratings, as the API would have left them by `now`. */
export interface SampleTicket {
  row: TicketsTable;
  events: TicketEventsTable[];
  ratings: TicketRatingsTable[];
}

export interface SampleTicketOptions {
  createdAt: Date;
  /** Its four (or more) digits, unique on its Beijing day. */
  serial: string;
  now: Date;
  /** The community workers of each district (texts.ts `workerNames`). */
  workers: Map<District, string[]>;
}

/** An app-made id (see `newId`): milliseconds in base 36, then random digits; from the seeded source, fast. */
export function sampleId(random: Random, at: number): string {
  return `${at.toString(36).padStart(9, '0')}${random.hex(16)}`;
}

/**
 * A request's life up to `now`, by the domain's rules: filed, mostly dispatched and taken up within hours, closed
 * within a share of its category's days (some late, about 1 in 100 never); about half of the closed ones rated,
 * mostly satisfied; 不满意 reopens it, and it is closed (and maybe rated) again. Events after `now` do not happen.
 */
export function sampleTicket(
  random: Random,
  { createdAt, serial, now, workers }: SampleTicketOptions,
): SampleTicket {
  const category = random.weighted(CATEGORY_WEIGHTS);
  const district = random.weighted(DISTRICT_WEIGHTS);
  const created = createdAt.getTime();
  const id = sampleId(random, created);
  const anonymous = random.chance(0.15);
  const text = requestText(random, category);
  const due = ticketDueAt(category, createdAt);
  const worker = random.pick(workers.get(district) ?? ['网格员']);

  const events: TicketEventsTable[] = [];
  const ratings: TicketRatingsTable[] = [];
  const life = {
    status: 'received' as TicketStatus,
    resolutions: 0,
    firstResolvedAt: null as string | null,
    lastResolvedAt: null as string | null,
  };
  /**
   * Appends an event at `at` if it has happened by now and the state machine allows it: a staff move by
   * `canMoveTicket`; the submitter's 不满意 reopens a closed request (checked by the caller, as `rateTicket` does).
   */
  const step = (at: number, to: TicketStatus, note: string, actor = worker): boolean => {
    const allowed =
      events.length === 0 || actor === CITIZEN_ACTOR || canMoveTicket(life.status, to);
    if (at > now.getTime() || !allowed) return false;
    const iso = new Date(at).toISOString();
    events.push({
      id: sampleId(random, at),
      ticket_id: id,
      seq: events.length + 1,
      status: to,
      note,
      actor,
      actor_id: null,
      created_at: iso,
    });
    if (to === 'resolved' && life.status !== 'resolved') {
      life.resolutions += 1;
      life.firstResolvedAt ??= iso;
      life.lastResolvedAt = iso;
    }
    life.status = to;
    return true;
  };

  step(created, 'received', RECEIVED_NOTE, CITIZEN_ACTOR);
  const days = ticketCategory(category).dueDays;
  const stuck = random.chance(0.01);
  // Hours to close: most within about a third of the days given, a tail past the due time.
  const closeIn = Math.max(0.5, random.logNormal(days * 24 * 0.3, 0.75));
  let at = created;
  if (!random.chance(0.06)) {
    at += Math.min(closeIn * 0.2, random.logNormal(2, 0.8)) * HOUR_MS;
    step(at, 'dispatched', random.pick(STAFF_NOTES.dispatched));
    if (random.chance(0.8)) {
      at += Math.min(closeIn * 0.3, random.logNormal(8, 0.8)) * HOUR_MS;
      step(at, 'in_progress', random.pick(STAFF_NOTES.in_progress));
    }
  }
  const resolveAt = created + closeIn * HOUR_MS;
  if (random.chance(0.25)) step((at + resolveAt) / 2, life.status, random.pick(STAFF_NOTES.reply));
  if (!stuck)
    step(Math.max(resolveAt, at + HOUR_MS), 'resolved', random.pick(STAFF_NOTES.resolved));

  // Ratings: about half of the closed requests; 不满意 sends one back, and it is closed again.
  for (let round = 0; round < 3 && canRateTicket(life.status); round++) {
    if (!random.chance(round === 0 ? 0.5 : 0.4)) break;
    const ratedAt = Date.parse(life.lastResolvedAt!) + random.logNormal(10, 1) * HOUR_MS;
    if (ratedAt > now.getTime()) break;
    const score = random.weighted<RatingScore>([
      [3, 68],
      [2, 22],
      [1, 10],
    ]);
    const unhappy = ratingReopens(score);
    ratings.push({
      id: sampleId(random, ratedAt),
      ticket_id: id,
      resolution: life.resolutions,
      score,
      comment: random.pick(unhappy ? RATING_COMMENTS.unsatisfied : RATING_COMMENTS.satisfied),
      created_at: new Date(ratedAt).toISOString(),
    });
    if (!unhappy) break;
    step(ratedAt, REOPEN_STATUS, REOPEN_NOTE, CITIZEN_ACTOR);
    const again = ratedAt + random.logNormal(36, 0.7) * HOUR_MS;
    step(again, 'resolved', random.pick(STAFF_NOTES.resolved));
  }

  const { status, resolutions, firstResolvedAt, lastResolvedAt } = life;
  const open = status !== 'resolved';
  const row: TicketsTable = {
    id,
    ticket_no: formatTicketNo(createdAt, serial),
    // The hash of a token nobody holds: a sample request is never its submitter's to read.
    token_hash: random.hex(64),
    category,
    content: text.content,
    district,
    address: text.address,
    location_lat: null,
    location_long: null,
    commitment_id: null,
    photos: '[]',
    anonymous: anonymous ? 1 : 0,
    contact_name: anonymous ? null : contactName(random),
    phone: anonymous ? null : samplePhone(random),
    status,
    created_at: createdAt.toISOString(),
    due_at: due.toISOString(),
    resolved_at: open ? null : lastResolvedAt,
    first_resolved_at: firstResolvedAt,
    resolution_count: resolutions,
    event_count: events.length,
    contact_email: null,
    source_key_id: null,
    // As the sweep would have left it: counted once it was open past its due time.
    overdue_counted: (open ? now.getTime() : Date.parse(lastResolvedAt!)) > due.getTime() ? 1 : 0,
  };
  return { row, events, ratings };
}
