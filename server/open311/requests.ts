import type { HandoverFields } from '../../src/domain/handover';
import { roundCoordinate } from '../../src/domain/location';
import {
  CITIZEN_ACTOR,
  RECEIVED_NOTE,
  ticketCategoryName,
  type Ticket,
  type TicketStatus,
} from '../../src/domain/ticket';
import { toW3c } from './dates';
import { open311Error } from './answer';
import { DISTRICT_ATTRIBUTE, districtOf } from './services';
import type { Open311Value } from './xml';

/*
 * Requests as Open311 sees them, and what a system posts turned into the domain's fields. What Open311 shows is what
 * the 12345 system needs to handle a request: never the contact's name, phone or email.
 */

/** A parameter as the form body or the query string holds it: one value, or several of one name. */
export type Params = Record<string, string | string[] | undefined>;

/** The first value of a parameter, or undefined when absent. */
export function param(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a parameter, comma lists split: `service_request_id=A,B&service_request_id=C`. */
export function listParam(params: Params, name: string): string[] {
  const value = params[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Open311's two statuses of a request: open until 已办结. */
export function openOrClosed(status: TicketStatus): 'open' | 'closed' {
  return status === 'resolved' ? 'closed' : 'open';
}

/** A request update's status, in the words of mySociety's extension: 已派单 is being looked into. */
export const UPDATE_STATUSES: Record<TicketStatus, string> = {
  received: 'open',
  dispatched: 'investigating',
  in_progress: 'in_progress',
  resolved: 'closed',
};

/** Our photos are paths on this server (/api/uploads/…): a system needs the whole URL. */
export function absoluteUrl(url: string, origin: string): string {
  return url.startsWith('/') ? `${origin}${url}` : url;
}

/** A request as `GET requests` answers it. */
export function toServiceRequest(ticket: Ticket, origin: string): Open311Value {
  // After the filing, a note by anyone but the citizen (a reopening) is staff's.
  const staffNotes = ticket.events.slice(1).filter((e) => e.actor !== CITIZEN_ACTOR);
  const updatedAt = ticket.events.reduce(
    (latest, e) => (e.createdAt > latest ? e.createdAt : latest),
    ticket.createdAt,
  );
  return {
    service_request_id: ticket.ticketNo,
    status: openOrClosed(ticket.status),
    status_notes: staffNotes.at(-1)?.note ?? null,
    service_name: ticketCategoryName(ticket.category),
    service_code: ticket.category,
    description: ticket.content,
    agency_responsible: ticket.district,
    requested_datetime: toW3c(ticket.createdAt),
    updated_datetime: toW3c(updatedAt),
    expected_datetime: toW3c(ticket.dueAt),
    address: ticket.address ? `${ticket.district} ${ticket.address}` : ticket.district,
    lat: ticket.location?.lat,
    long: ticket.location?.long,
    media_url: ticket.photos[0] && absoluteUrl(ticket.photos[0], origin),
  };
}

/** The answer to a POST: the request's number, and what happens next. */
export function toCreatedRequest(ticket: Ticket): Open311Value {
  return [{ service_request_id: ticket.ticketNo, service_notice: RECEIVED_NOTE }];
}

/** A coordinate as posted: a decimal number, kept to six decimals; anything else is left for the domain to refuse. */
function coordinate(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? roundCoordinate(Number(text)) : text;
}

/**
 * What a system posts (`POST requests`) as the domain's fields: `lat` and `long` (or `address_string`), the district
 * from `attribute[district]`, the contact in its parts. The district is required: 400 when it is missing or unknown.
 */
export function handoverFields(body: Params): HandoverFields {
  const districtValue = param(body, `attribute[${DISTRICT_ATTRIBUTE}]`);
  if (districtValue === undefined || districtValue.trim() === '') {
    throw open311Error(400, `attribute[${DISTRICT_ATTRIBUTE}]: 必填，所在县（市、区）`);
  }
  const district = districtOf(districtValue);
  if (!district)
    throw open311Error(400, `attribute[${DISTRICT_ATTRIBUTE}]: 不是平顶山市的县（市、区）`);
  const lat = coordinate(param(body, 'lat'));
  const long = coordinate(param(body, 'long'));
  return {
    category: param(body, 'service_code'),
    content: param(body, 'description') ?? '',
    district,
    address: param(body, 'address_string'),
    ...(lat !== undefined || long !== undefined ? { location: { lat, long } } : {}),
    firstName: param(body, 'first_name'),
    lastName: param(body, 'last_name'),
    email: param(body, 'email'),
    phone: param(body, 'phone'),
  };
}

/** The domain's field names as the parameters a system posted, for the errors body. */
export const PARAMETER_NAMES: Record<string, string> = {
  category: 'service_code',
  content: 'description',
  district: `attribute[${DISTRICT_ATTRIBUTE}]`,
  address: 'address_string',
  location: 'lat/long',
  firstName: 'first_name',
  lastName: 'last_name',
};
