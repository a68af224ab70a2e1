import { isCalendarDate } from '../../src/domain/dates';

/*
 * Dates as Open311 writes them: W3C date-times with a zone (2026-11-30T03:36:53Z), whole seconds. Query dates arrive
 * the same way, with Z or an offset (+08:00); an offset whose + was sent unencoded reads as a space, and is taken.
 */

const W3C = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/;

/** A stored ISO time (2026-11-30T03:36:53.123Z) as Open311 writes it: 2026-11-30T03:36:53Z. */
export function toW3c(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A W3C date-time with its zone as a moment; null for anything else (no zone, not a real time). */
export function parseW3c(text: string): Date | null {
  const match = W3C.exec(text.trim().replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!match || !isCalendarDate(match[1].slice(0, 10))) return null;
  const moment = new Date(`${match[1]}${match[2]}`);
  return Number.isNaN(moment.getTime()) ? null : moment;
}
