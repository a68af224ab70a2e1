import { parsed, type FieldError, type Parsed } from './errors';
import type { TicketInput } from './ticket';
import { parseTicketInput } from './ticket-rules';
import { characterCount } from './text';

/*
 * Requests handed over by another system (the city's 12345 system, through Open311). The request itself obeys the
 * form's rules (`parseTicketInput`); the contact comes as that system keeps it, so its rules are wider: a phone
 * number of any kind, a name in two parts, an email address. Consent was given to the system that holds the key.
 */

/** Limits of a handed-over contact. */
export const HANDOVER_LIMITS = { nameMax: 50, emailMax: 254, phoneMax: 30 } as const;

/** A handed-over request: the form's request, and an email address to reach the person. */
export interface HandoverInput extends TicketInput {
  email?: string;
}

/** What another system sends: the request's fields, and the contact in its own parts. */
export interface HandoverFields {
  category: unknown;
  content: unknown;
  district: unknown;
  address?: unknown;
  location?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  phone?: unknown;
}

/** C0 and C1 controls, DEL, and the line and paragraph separators: nothing a name or a number holds. */
export function hasControlCharacter(text: string): boolean {
  return [...text].some((ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  });
}

/** A contact field as given: trimmed text, refused only when it is too long or holds control characters. */
function contactText(value: unknown, max: number, what: string): { text: string; error?: string } {
  if (value === undefined || value === null) return { text: '' };
  if (typeof value !== 'string') return { text: '', error: `${what}格式不正确` };
  const text = value.trim();
  if (hasControlCharacter(text)) return { text: '', error: `${what}中含有控制字符` };
  if (characterCount(text) > max) return { text: '', error: `${what}最多 ${max} 个字符` };
  return { text };
}

/**
 * A phone number from another system is kept as given when it is not a mainland mobile number (a landline with its
 * area code, `+44 20 7946 0000`): refused only for its length or for control characters. Masked like any other
 * (`maskPhone`), shown in full only to staff. Answers the problem, or null.
 */
export function systemPhoneError(phone: unknown): string | null {
  return contactText(phone, HANDOVER_LIMITS.phoneMax, '电话号码').error ?? null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** 张 + 三 → 张三; John + Smith → John Smith. */
function fullName(first: string, last: string): string {
  if (!first || !last) return first || last;
  return CJK.test(first) || CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
}

/**
 * Every rule of a handed-over request: the form's rules for the request (category, content, district, address,
 * location), a place (a location on the map or an address), and the contact as the system gives it. Anonymous when
 * no contact came at all.
 */
export function parseHandoverInput(fields: HandoverFields): Parsed<HandoverInput> {
  const { firstName, lastName, email, phone, ...request } = fields;
  const base = parseTicketInput({ ...request, anonymous: true, consent: true });
  const errors: FieldError[] = base.ok ? [] : [...base.errors];
  const fail = (field: string, message?: string) => message && errors.push({ field, message });

  const hasAddress = typeof request.address === 'string' && request.address.trim() !== '';
  if (request.location === undefined && !hasAddress) fail('location', '请提供位置（经纬度）或地址');

  const first = contactText(firstName, HANDOVER_LIMITS.nameMax, '名字');
  const last = contactText(lastName, HANDOVER_LIMITS.nameMax, '姓氏');
  const mail = contactText(email, HANDOVER_LIMITS.emailMax, '电子邮箱');
  const number = contactText(phone, HANDOVER_LIMITS.phoneMax, '电话号码');
  fail('firstName', first.error);
  fail('lastName', last.error);
  fail('email', mail.error);
  fail('phone', number.error);

  const contactName = fullName(first.text, last.text);
  if (characterCount(contactName) > HANDOVER_LIMITS.nameMax) {
    fail('lastName', `姓名最多 ${HANDOVER_LIMITS.nameMax} 个字符`);
  }
  if (!base.ok || errors.length > 0) return { ok: false, errors };
  return parsed(
    {
      ...base.value,
      anonymous: !contactName && !mail.text && !number.text,
      ...(contactName ? { contactName } : {}),
      ...(number.text ? { phone: number.text } : {}),
      ...(mail.text ? { email: mail.text } : {}),
    },
    errors,
  );
}
