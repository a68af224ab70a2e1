import { DISTRICTS, type District } from './districts';
import { parsed, type FieldError, type Parsed } from './errors';
import { locationError, type GeoLocation } from './location';
import {
  RATING_SCORES,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  type RatingInput,
  type RatingScore,
  type TicketCategory,
  type TicketEventInput,
  type TicketInput,
  type TicketStatus,
} from './ticket';
import { readText } from './text';
import { photosError } from './uploads';

/** Limits of the request form: the form shows them, and the server enforces the same ones. */
export const TICKET_LIMITS = {
  contentMin: 10,
  contentMax: 1000,
  addressMax: 100,
  contactNameMax: 20,
  photosMax: 3,
} as const;

const MOBILE = /^1[3-9]\d{9}$/;

export function isMobileNumber(phone: string): boolean {
  return MOBILE.test(phone);
}

/**
 * How a phone number appears to anyone but staff: 13812341234 → 138****1234. Any other number (a landline, one from
 * abroad, as another system gives it) keeps only its last four digits: +44 20 7946 0000 → +** ** **** 0000; one of
 * fewer than seven digits shows nothing: ****.
 */
export function maskPhone(phone: string): string {
  if (isMobileNumber(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const digits = phone.replace(/\D/g, '').length;
  if (digits < 7) return '****';
  let shown = 0;
  const chars = [...phone].reverse().map((c) => {
    if (!/\d/.test(c)) return c;
    shown += 1;
    return shown <= 4 ? c : '*';
  });
  return chars.reverse().join('');
}

type Raw<T> = Partial<Record<keyof T, unknown>>;

function asRecord(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
}

/** A code (a phone number, an id) as typed: trimmed, or '' when absent or not text. Texts people write: readText. */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Only the two coordinates of a location that passed `locationError`, whatever else came with them. */
function placeOf(raw: unknown): GeoLocation {
  const { lat, long } = raw as GeoLocation;
  return { lat, long };
}

/**
 * Every rule of the request form, one Chinese message per wrong field. Takes what a form holds or a body holds and
 * answers the request as it is stored (texts cleaned by readText, empty optional fields left out), or the field
 * errors.
 */
export function parseTicketInput(raw: unknown): Parsed<TicketInput> {
  const input: Raw<TicketInput> = asRecord(raw);
  const errors: FieldError[] = [];
  const fail = (field: keyof TicketInput, message: string) => errors.push({ field, message });

  if (!TICKET_CATEGORIES.some((c) => c.code === input.category)) fail('category', '请选择诉求类别');

  const content = readText(input.content, {
    multiline: true,
    min: TICKET_LIMITS.contentMin,
    max: TICKET_LIMITS.contentMax,
    tooShort: `请把问题说清楚，至少 ${TICKET_LIMITS.contentMin} 个字`,
  });
  if (content.error) fail('content', content.error);

  if (!DISTRICTS.includes(input.district as District)) fail('district', '请选择所在县（市、区）');

  const address = readText(input.address, {
    max: TICKET_LIMITS.addressMax,
    tooLong: `地址最多 ${TICKET_LIMITS.addressMax} 个字`,
  });
  if (input.address !== undefined && typeof input.address !== 'string') {
    fail('address', '地址格式不正确');
  } else if (address.error) fail('address', address.error);

  const location = input.location === undefined ? null : locationError(input.location);
  if (location) errors.push(location);

  if (input.commitmentId !== undefined && typeof input.commitmentId !== 'string') {
    fail('commitmentId', '关联的民生实事不正确');
  }

  const photos = input.photos ?? [];
  const photoProblem = photosError(photos, TICKET_LIMITS.photosMax);
  if (photoProblem) errors.push(photoProblem);
  const photoList = photoProblem ? [] : (photos as string[]);

  if (typeof input.anonymous !== 'boolean') fail('anonymous', '请选择是否匿名');
  const anonymous = input.anonymous === true;
  const phone = text(input.phone);
  if (input.phone !== undefined && typeof input.phone !== 'string') {
    fail('phone', '请填写 11 位手机号码');
  } else if (phone !== '') {
    if (!isMobileNumber(phone)) fail('phone', '请填写 11 位手机号码');
  } else if (!anonymous) {
    fail('phone', '请填写手机号码，或选择匿名反映');
  }

  const contactName = readText(input.contactName, {
    max: TICKET_LIMITS.contactNameMax,
    tooLong: `称呼最多 ${TICKET_LIMITS.contactNameMax} 个字`,
  });
  if (input.contactName !== undefined && typeof input.contactName !== 'string') {
    fail('contactName', '称呼格式不正确');
  } else if (contactName.error) fail('contactName', contactName.error);

  if (input.consent !== true) fail('consent', '请阅读并同意个人信息处理说明');

  const commitmentId = text(input.commitmentId);
  return parsed(
    {
      category: input.category as TicketCategory,
      content: content.text,
      district: input.district as District,
      ...(address.text ? { address: address.text } : {}),
      ...(input.location !== undefined && !location ? { location: placeOf(input.location) } : {}),
      ...(commitmentId ? { commitmentId } : {}),
      ...(photoList.length > 0 ? { photos: photoList } : {}),
      anonymous,
      ...(contactName.text ? { contactName: contactName.text } : {}),
      ...(phone ? { phone } : {}),
      consent: true,
    },
    errors,
  );
}

/** Limits of what staff write on a request. */
export const TICKET_EVENT_LIMITS = { noteMax: 500 } as const;

/** A staff move on a request: a known status and a note of 1–500 characters (a reply must say something). */
export function parseTicketEventInput(raw: unknown): Parsed<TicketEventInput> {
  const input: Raw<TicketEventInput> = asRecord(raw);
  const errors: FieldError[] = [];
  if (!TICKET_STATUSES.some((s) => s.code === input.status)) {
    errors.push({ field: 'status', message: '请选择处理状态' });
  }
  const note = readText(input.note, {
    multiline: true,
    min: 1,
    max: TICKET_EVENT_LIMITS.noteMax,
    tooShort: '请填写处理说明',
  });
  if (note.error) errors.push({ field: 'note', message: note.error });
  return parsed({ status: input.status as TicketStatus, note: note.text }, errors);
}

/** Limits of a rating's comment. */
export const RATING_LIMITS = { commentMax: 200 } as const;

/** A rating: one of the scores, and an optional comment (empty means none). */
export function parseRatingInput(raw: unknown): Parsed<RatingInput> {
  const input: Raw<RatingInput> = asRecord(raw);
  const errors: FieldError[] = [];
  if (!RATING_SCORES.some((r) => r.score === input.score)) {
    errors.push({ field: 'score', message: '请选择满意程度' });
  }
  const comment = readText(input.comment, { multiline: true, max: RATING_LIMITS.commentMax });
  if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') {
    errors.push({ field: 'comment', message: '评价内容格式不正确' });
  } else if (comment.error) errors.push({ field: 'comment', message: comment.error });
  return parsed({ score: input.score as RatingScore, comment: comment.text || null }, errors);
}
