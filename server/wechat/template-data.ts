import { ticketStatusName, type TicketStatus } from '../../src/domain/ticket';

/**
 * The `data` of a status notice, each value fitted to what WeChat accepts for its field's type. A template's keys
 * (`character_string1`, `phrase2`, …) name the type; a value WeChat refuses is errcode 47003 and the notice is lost,
 * so every value is cut to fit here. Limits as WeChat's subscribe-message documentation states them:
 * thing ≤ 20 characters; character_string ≤ 32 digits, letters or symbols; phrase ≤ 5 Chinese characters only;
 * time and date "2019年10月1日 15:01".
 */

/** What a status notice tells, in the order WECHAT_TEMPLATE_STATUS_FIELDS names their keys. */
export const STATUS_MESSAGE_PARTS = ['ticketNo', 'status', 'time', 'note'] as const;
export type StatusMessagePart = (typeof STATUS_MESSAGE_PARTS)[number];
/** Which key of the template carries each part, e.g. `{ ticketNo: 'character_string1', … }`. */
export type StatusFields = Record<StatusMessagePart, string>;

export const DEFAULT_STATUS_FIELDS = 'character_string1,phrase2,time3,thing4';

// Only thing may end in `…`: the others take no character of its kind.
const KINDS = {
  thing: (value: string) => cut(oneLine(value), 20),
  character_string: (value: string) => value.replace(/[^\x21-\x7e]/g, '').slice(0, 32),
  phrase: (value: string) => [...value.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join(''),
  time: (value: string) => value,
  date: (value: string) => value,
} as const;
type Kind = keyof typeof KINDS;

/** The types each part may go in. */
const ALLOWED: Record<StatusMessagePart, readonly Kind[]> = {
  ticketNo: ['character_string', 'thing'],
  status: ['phrase', 'thing'],
  time: ['time', 'date'],
  note: ['thing'],
};

const KEY = /^([a-z_]+?)(\d+)$/;

function kindOf(key: string): Kind | null {
  const kind = KEY.exec(key)?.[1];
  return kind && kind in KINDS ? (kind as Kind) : null;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters as WeChat counts them (a Chinese character is one), the last one `…` when cut. */
function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** The value as the field of `key` accepts it. */
export function fitValue(key: string, value: string): string {
  const kind = kindOf(key);
  return kind ? KINDS[kind](value) : value;
}

/** 2026-11-26T06:05Z → 2026年11月26日 14:05, Beijing time, as WeChat's time and date fields take it. */
export function beijingDateTime(at: Date): string {
  const iso = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日 ${iso.slice(11, 16)}`;
}

/** The keys of WECHAT_TEMPLATE_STATUS_FIELDS, or why they cannot carry a status notice. */
export function parseStatusFields(text: string): StatusFields | { error: string } {
  const keys = text.split(',').map((k) => k.trim());
  if (keys.length !== STATUS_MESSAGE_PARTS.length) {
    return {
      error: `four keys (ticket number, status, time, note), e.g. ${DEFAULT_STATUS_FIELDS}`,
    };
  }
  const fields = Object.fromEntries(STATUS_MESSAGE_PARTS.map((part, i) => [part, keys[i]]));
  for (const part of STATUS_MESSAGE_PARTS) {
    const kind = kindOf(fields[part]);
    if (!kind || !ALLOWED[part].includes(kind)) {
      return {
        error: `${part} cannot go in "${fields[part]}" (one of ${ALLOWED[part].join(', ')})`,
      };
    }
  }
  return fields as StatusFields;
}

export interface StatusNotice {
  ticketNo: string;
  status: TicketStatus;
  /** When the request moved. */
  at: Date;
  note: string;
}

/** The `data` of `subscribeMessage.send` for one move. */
export function statusMessageData(
  fields: StatusFields,
  notice: StatusNotice,
): Record<string, { value: string }> {
  const values: Record<StatusMessagePart, string> = {
    ticketNo: notice.ticketNo,
    status: ticketStatusName(notice.status),
    time: beijingDateTime(notice.at),
    note: notice.note,
  };
  return Object.fromEntries(
    STATUS_MESSAGE_PARTS.map((part) => [
      fields[part],
      { value: fitValue(fields[part], values[part]) },
    ]),
  );
}
