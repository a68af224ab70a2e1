import type { FastifyRequest } from 'fastify';
import type { TicketCategory } from '../../src/domain/ticket';
import type { HandoverQuery, TicketWindow } from '../repositories/tickets';
import { open311Error } from './answer';
import { parseW3c } from './dates';
import { listParam, param, type Params } from './requests';
import { isServiceCode } from './services';

const DAY_MS = 24 * 3600 * 1000;

/** A value as a parameter: text as it is, a number or a yes/no as text, a list of those; anything else is none. */
function paramValue(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.flatMap((v) => paramValue(v) ?? []);
  return undefined;
}

/**
 * The query string or form body as parameters (a JSON body too, though clients post forms); anything else (no body)
 * as none.
 */
export function paramsOf(value: unknown): Params {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, paramValue(v)]));
}

/** Where this server is, as the caller reached it: our photos' URLs are made whole with it. */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function dateParam(params: Params, name: 'start_date' | 'end_date'): Date | undefined {
  const text = param(params, name);
  if (text === undefined || text.trim() === '') return undefined;
  const moment = parseW3c(text);
  if (!moment) {
    throw open311Error(400, `${name}: 应为带时区的 W3C 日期时间，如 2026-11-30T03:36:53Z`);
  }
  return moment;
}

/**
 * `start_date` and `end_date`, both inclusive to the second (the times we answer are whole seconds); without them,
 * the `defaultDays` up to `end_date` or now.
 */
export function windowOf(params: Params, now: Date, defaultDays: number): TicketWindow {
  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  if (start && end && start > end) throw open311Error(400, 'start_date: 不能晚于 end_date');
  const last = end ?? now;
  const to = new Date(Math.floor(last.getTime() / 1000) * 1000 + 1000);
  const from = start ?? new Date(last.getTime() - defaultDays * DAY_MS);
  return { from, to };
}

/** `GET requests` filters: the window, `service_code` and `status` (each a comma list); null when none can match. */
export function handoverQueryOf(params: Params, now: Date): HandoverQuery | null {
  const window = windowOf(params, now, 90);
  const codes = listParam(params, 'service_code');
  const categories = codes.filter(isServiceCode);
  if (codes.length > 0 && categories.length === 0) return null;
  const states = listParam(params, 'status').map((s) => s.toLowerCase());
  const unknown = states.find((s) => s !== 'open' && s !== 'closed');
  if (unknown) throw open311Error(400, `status: 只有 open 和 closed，没有 ${unknown}`);
  return {
    window,
    ...(categories.length > 0 && { categories: categories satisfies TicketCategory[] }),
    ...(states.length > 0 && { states: states as ('open' | 'closed')[] }),
  };
}
