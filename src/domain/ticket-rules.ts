import { DISTRICTS } from './districts';
import type { FieldError } from './errors';
import { TICKET_CATEGORIES, type TicketInput } from './ticket';

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

/** 13812341234 → 138****1234: how a phone number appears to anyone but staff. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** Characters as a person counts them (a Chinese character is one, an emoji is one). */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Every rule of the request form, one message per field, in Chinese. An empty list means the input may be sent.
 * Takes a loosely typed draft, as the form holds it, and tells which fields are wrong.
 */
export function validateTicketInput(
  input: Partial<Record<keyof TicketInput, unknown>>,
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: keyof TicketInput, message: string) => errors.push({ field, message });

  if (!TICKET_CATEGORIES.some((c) => c.code === input.category)) fail('category', '请选择诉求类别');

  const content = typeof input.content === 'string' ? input.content.trim() : '';
  const length = characterCount(content);
  if (length < TICKET_LIMITS.contentMin) {
    fail('content', `请把问题说清楚，至少 ${TICKET_LIMITS.contentMin} 个字`);
  } else if (length > TICKET_LIMITS.contentMax) {
    fail('content', `最多 ${TICKET_LIMITS.contentMax} 个字`);
  }

  if (!DISTRICTS.includes(input.district as (typeof DISTRICTS)[number]))
    fail('district', '请选择所在县（市、区）');

  if (input.address !== undefined && input.address !== '') {
    if (
      typeof input.address !== 'string' ||
      characterCount(input.address) > TICKET_LIMITS.addressMax
    ) {
      fail('address', `地址最多 ${TICKET_LIMITS.addressMax} 个字`);
    }
  }

  if (input.photos !== undefined) {
    if (!Array.isArray(input.photos) || input.photos.some((p) => typeof p !== 'string')) {
      fail('photos', '照片格式不正确');
    } else if (input.photos.length > TICKET_LIMITS.photosMax) {
      fail('photos', `最多上传 ${TICKET_LIMITS.photosMax} 张照片`);
    }
  }

  const anonymous = input.anonymous === true;
  if (typeof input.anonymous !== 'boolean') fail('anonymous', '请选择是否匿名');
  const phone = typeof input.phone === 'string' ? input.phone.trim() : input.phone;
  if (phone !== undefined && phone !== '') {
    if (typeof phone !== 'string' || !isMobileNumber(phone)) fail('phone', '请填写 11 位手机号码');
  } else if (!anonymous) {
    fail('phone', '请填写手机号码，或选择匿名反映');
  }
  if (input.contactName !== undefined && input.contactName !== '') {
    if (
      typeof input.contactName !== 'string' ||
      characterCount(input.contactName) > TICKET_LIMITS.contactNameMax
    ) {
      fail('contactName', `称呼最多 ${TICKET_LIMITS.contactNameMax} 个字`);
    }
  }

  if (input.consent !== true) fail('consent', '请阅读并同意个人信息处理说明');
  return errors;
}
