import { parsed, type FieldError, type Parsed } from './errors';
import { TICKET_NO_PATTERN, type TicketCategory, type TicketStatus } from './ticket';
import { isMobileNumber } from './ticket-rules';

/**
 * Citizens signed in with WeChat (issue 15): their session, their requests on any phone, the lookup of a request
 * filed on another phone, and the notices WeChat brings them when a request moves.
 */

/** A citizen's session lasts a month; the mini-program signs in again quietly after it. */
export const CITIZEN_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** `POST /api/citizen/session`: the code `Taro.login()` gave. */
export interface CitizenSessionInput {
  code: string;
}

/** Its answer: an opaque bearer token, and the template the app asks the citizen to subscribe to (none: no notices). */
export interface CitizenSession {
  token: string;
  expiresAt: string;
  statusTemplateId: string | null;
}

/** One of the citizen's requests as `GET /api/citizen/tickets` lists it. */
export interface CitizenTicketSummary {
  ticketNo: string;
  status: TicketStatus;
  category: TicketCategory;
  content: string;
  createdAt: string;
  /** When it last moved (its latest event). */
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
}

/** `POST /api/tickets/lookup`: the number read off the receipt and the mobile number given when filing. */
export interface LookupInput {
  ticketNo: string;
  phone: string;
}

/** Tries of one request number a day, right or wrong, whoever makes them: a number cannot be guessed. */
export const LOOKUP_LIMITS = { triesPerDay: 5 } as const;

/** `POST /api/tickets/:ticketNo/subscription`: the template the citizen just allowed. */
export interface SubscriptionInput {
  templateId: string;
}

type Raw<T> = Partial<Record<keyof T, unknown>>;

function record(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Ticket numbers are read aloud and typed in again: lower case and stray spaces are accepted. */
export function normalizeTicketNo(ticketNo: string): string {
  return ticketNo.replace(/\s+/g, '').toUpperCase();
}

export function parseCitizenSessionInput(raw: unknown): Parsed<CitizenSessionInput> {
  const code = text(record(raw).code);
  const errors: FieldError[] =
    code === '' || code.length > 128 ? [{ field: 'code', message: '微信登录凭证不正确' }] : [];
  return parsed({ code }, errors);
}

export function parseLookupInput(raw: unknown): Parsed<LookupInput> {
  const input: Raw<LookupInput> = record(raw);
  const ticketNo = normalizeTicketNo(typeof input.ticketNo === 'string' ? input.ticketNo : '');
  const phone = text(input.phone).replace(/[\s-]/g, '');
  const errors: FieldError[] = [];
  if (!TICKET_NO_PATTERN.test(ticketNo)) {
    errors.push({ field: 'ticketNo', message: '请填写受理编号，如 PDS20261126-4821' });
  }
  if (!isMobileNumber(phone)) {
    errors.push({ field: 'phone', message: '请填写提交诉求时留的 11 位手机号码' });
  }
  return parsed({ ticketNo, phone }, errors);
}

export function parseSubscriptionInput(raw: unknown): Parsed<SubscriptionInput> {
  const templateId = text(record(raw).templateId);
  const errors: FieldError[] =
    templateId === '' || templateId.length > 128
      ? [{ field: 'templateId', message: '订阅的通知不正确' }]
      : [];
  return parsed({ templateId }, errors);
}

/** Where a notice of a move stands; staff see it on the request's page. */
export const NOTIFICATION_STATES = [
  { code: 'pending', name: '等待发送' },
  { code: 'sending', name: '正在发送' },
  { code: 'sent', name: '已通知' },
  { code: 'refused', name: '市民已拒收' },
  { code: 'failed', name: '未能发送' },
  /** The process sending it stopped mid-call: it is not sent again, so that nobody gets it twice. */
  { code: 'unknown', name: '不确定是否送达' },
] as const;

export type NotificationState = (typeof NOTIFICATION_STATES)[number]['code'];

export function notificationStateName(code: NotificationState): string {
  return NOTIFICATION_STATES.find((s) => s.code === code)!.name;
}

/** One notice: the move it tells of and where it stands. */
export interface TicketNotification {
  status: TicketStatus;
  note: string;
  state: NotificationState;
  queuedAt: string;
  sentAt: string | null;
}

/** `GET /api/tickets/:ticketNo/notifications` (staff): the notices, newest first, and the grants not used yet. */
export interface TicketNotifications {
  waitingGrants: number;
  items: TicketNotification[];
}
