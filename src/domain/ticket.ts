import { beijingDate } from './dates';
import type { District } from './districts';
import type { GeoLocation } from './location';

/** 民呼必应 request categories, and how many days the city gives itself to close each. */
export const TICKET_CATEGORIES = [
  { code: 'municipal', name: '市政设施', hint: '路灯、道路、井盖、供水供气', dueDays: 7 },
  { code: 'environment', name: '环境卫生', hint: '垃圾、污水、噪音、油烟', dueDays: 7 },
  { code: 'education', name: '教育入学', hint: '入园入学、学位、校车', dueDays: 10 },
  { code: 'health', name: '医疗卫生', hint: '看病就医、医保报销', dueDays: 10 },
  { code: 'housing', name: '住房物业', hint: '老旧小区、物业、棚改安置', dueDays: 15 },
  { code: 'employment', name: '就业社保', hint: '找工作、工资拖欠、养老金', dueDays: 10 },
  { code: 'care', name: '养老托幼', hint: '养老服务、托育、助残', dueDays: 10 },
  { code: 'transport', name: '交通出行', hint: '公交、停车、充电桩', dueDays: 7 },
  { code: 'safety', name: '安全隐患', hint: '消防、危房、食品安全', dueDays: 3 },
  { code: 'other', name: '其他', hint: '其他意见和建议', dueDays: 15 },
] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number]['code'];

/** The 12345-style life of a request. The one list of ticket statuses. */
export const TICKET_STATUSES = [
  { code: 'received', name: '已受理' },
  { code: 'dispatched', name: '已派单' },
  { code: 'in_progress', name: '办理中' },
  { code: 'resolved', name: '已办结' },
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number]['code'];

/**
 * Satisfaction after 已办结, and what each score means: whether it counts as satisfied in the figures, and whether it
 * sends the request back to be handled again.
 */
export const RATING_SCORES = [
  { score: 1, name: '不满意', satisfied: false, reopens: true },
  { score: 2, name: '基本满意', satisfied: true, reopens: false },
  { score: 3, name: '满意', satisfied: true, reopens: false },
] as const;

export type RatingScore = (typeof RATING_SCORES)[number]['score'];

function ratingOf(score: RatingScore) {
  return RATING_SCORES.find((r) => r.score === score)!;
}

export function ratingName(score: RatingScore): string {
  return ratingOf(score).name;
}

export function isSatisfied(score: RatingScore): boolean {
  return ratingOf(score).satisfied;
}

export function ratingReopens(score: RatingScore): boolean {
  return ratingOf(score).reopens;
}

/** The scores that count as satisfied, for queries that count them. */
export const SATISFIED_SCORES: readonly RatingScore[] = RATING_SCORES.filter(
  (r) => r.satisfied,
).map((r) => r.score);

/** A category's entry (name, hint, days to close). */
export function ticketCategory(code: TicketCategory) {
  return TICKET_CATEGORIES.find((c) => c.code === code)!;
}

/** A request category's Chinese name; an unknown code is shown as it is. */
export function ticketCategoryName(code: string): string {
  return TICKET_CATEGORIES.find((c) => c.code === code)?.name ?? code;
}

/** What a citizen submits: `POST /api/tickets`. */
export interface TicketInput {
  category: TicketCategory;
  content: string;
  district: District;
  address?: string;
  /** Where on the map, when the person chose a place: seen only by the staff who handle it. */
  location?: GeoLocation;
  commitmentId?: string;
  /** URLs returned by `POST /api/uploads`, at most 3. */
  photos?: string[];
  anonymous: boolean;
  contactName?: string;
  /** Mainland mobile number; required unless anonymous. From another system (Open311), any number as given. */
  phone?: string;
  consent: true;
}

/** What staff post on a request: `POST /api/tickets/:ticketNo/events`. Staying in the same status is a reply. */
export interface TicketEventInput {
  status: TicketStatus;
  note: string;
}

/** What its submitter posts after 已办结: `POST /api/tickets/:ticketNo/rating`. */
export interface RatingInput {
  score: RatingScore;
  comment: string | null;
}

export interface TicketEvent {
  status: TicketStatus;
  note: string;
  /** Who acted: 市民 for the submitter, otherwise the worker's display name. */
  actor: string;
  createdAt: string;
}

export interface TicketRating {
  score: RatingScore;
  comment: string | null;
  createdAt: string;
}

/**
 * A request as the staff queue lists it: everything but its events and ratings, which only its own page shows.
 * `phone` is masked (138****1234) for everyone but staff.
 */
export interface TicketSummary {
  ticketNo: string;
  category: TicketCategory;
  content: string;
  district: District;
  address: string | null;
  location: GeoLocation | null;
  commitmentId: string | null;
  photos: string[];
  anonymous: boolean;
  contactName: string | null;
  phone: string | null;
  /** Only a request handed over by another system has one, and only staff see it. */
  contactEmail: string | null;
  status: TicketStatus;
  createdAt: string;
  dueAt: string;
  /** When it was last 已办结; null while open, including after 不满意 reopened it. */
  resolvedAt: string | null;
}

/** A request as its submitter (or staff) sees it on its own page. */
export interface Ticket extends TicketSummary {
  /** Oldest first; append-only. */
  events: TicketEvent[];
  /** One per resolution at most, oldest first. */
  ratings: TicketRating[];
}

/** `201` of `POST /api/tickets`: the ticket, and the token only its submitter holds. */
export interface CreatedTicket extends Ticket {
  accessToken: string;
}

/**
 * Which status may follow which: the one state machine of a request. Staying in the same open status is a reply.
 * 不满意 after 已办结 sends the request back to 办理中.
 */
const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  received: ['received', 'dispatched', 'resolved'],
  dispatched: ['dispatched', 'in_progress', 'resolved'],
  in_progress: ['in_progress', 'resolved'],
  resolved: [],
};

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function ticketStatusName(code: TicketStatus): string {
  return TICKET_STATUSES.find((s) => s.code === code)!.name;
}

/** Overdue: past its due time and not yet 已办结. */
export function isOverdue(ticket: Pick<Ticket, 'status' | 'dueAt'>, now: Date): boolean {
  return ticket.status !== 'resolved' && Date.parse(ticket.dueAt) < now.getTime();
}

/** What the submitter may do after 已办结: rate it, once per resolution. 不满意 sends it back here, with this note. */
export const REOPEN_STATUS: TicketStatus = 'in_progress';
export const REOPEN_NOTE = '群众不满意，重新办理';
/** Who the submitter is in the event list. */
export const CITIZEN_ACTOR = '市民';
/** Who filed a request handed over by another system (Open311), in its event list: that system, by its key's name. */
export function systemActor(system: string): string {
  return `来源: ${system}`;
}
/** The first event of every request. */
export const RECEIVED_NOTE = '您的诉求已受理，我们会尽快派单办理';

/** A rating is taken only of a request that is 已办结. */
export function canRateTicket(status: TicketStatus): boolean {
  return status === 'resolved';
}

const DAY_MS = 24 * 3600 * 1000;

/** When the city owes an answer: filing time plus the category's days. */
export function ticketDueAt(category: TicketCategory, createdAt: Date): Date {
  const days = ticketCategory(category).dueDays;
  return new Date(createdAt.getTime() + days * DAY_MS);
}

/**
 * A ticket number people can read aloud over the phone: PDS + the filing date in Beijing time + digits,
 * e.g. PDS20261126-4821. Digits only after the prefix, so nothing can be misread (no O/0, I/1).
 */
export const TICKET_NO_PATTERN = /^PDS\d{8}-\d{4,8}$/;

export function formatTicketNo(createdAt: Date, digits: string): string {
  const date = beijingDate(createdAt).replace(/-/g, '');
  return `PDS${date}-${digits}`;
}

/** `POST /api/uploads`: where the photo can be fetched; a request's `photos` lists these URLs. */
export interface UploadedPhoto {
  url: string;
  contentType: string;
  size: number;
}
