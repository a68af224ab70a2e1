import { beijingDate } from '../../src/domain/dates';
import type { Random } from './random';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const SAMPLE_DAYS = 365;

/** Calls by Beijing hour of day: quiet at night, busy in office hours, a second wave after dinner. */
const HOUR_WEIGHTS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 6, 9, 10, 9, 6, 5, 8, 9, 9, 8, 6, 5, 5, 4, 3, 2,
].map((weight, hour) => [hour, weight] as const);

/** Fewer calls at the weekend, more in the summer (heat, rain, noise) and fewer at the Spring Festival. */
function dayWeight(dayStart: number): number {
  const day = new Date(dayStart + 8 * HOUR_MS);
  const weekday = day.getUTCDay();
  const week = weekday === 0 ? 0.6 : weekday === 6 ? 0.7 : 1;
  const month = day.getUTCMonth();
  const season = month >= 5 && month <= 7 ? 1.2 : month === 1 ? 0.75 : 1;
  return week * season;
}

/** `count` different numbers of `digits` digits, in random order. */
function serials(random: Random, count: number): string[] {
  const digits = count <= 6000 ? 4 : count <= 60_000 ? 5 : 6;
  const pool = Array.from({ length: 10 ** digits }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).map((n) => String(n).padStart(digits, '0'));
}

/** A moment of the Beijing day starting at `dayStart`, by the hours' weights, no later than `until`. */
function momentOf(random: Random, dayStart: number, until: number): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const hour = random.weighted(HOUR_WEIGHTS);
    const at = dayStart + hour * HOUR_MS + Math.floor(random.next() * HOUR_MS);
    if (at <= until) return at;
  }
  return dayStart + Math.floor(random.next() * (until - dayStart));
}

/**
 * When `requests` requests were filed over the 365 Beijing days up to `now` (today's only until now), by weekday,
 * season and hour; each with a number unique on its day. In time order.
 */
export function* spreadOverYear(
  random: Random,
  { requests, now }: { requests: number; now: Date },
): Generator<{ createdAt: Date; serial: string }> {
  const today = Date.parse(`${beijingDate(now)}T00:00:00+08:00`);
  const starts = Array.from(
    { length: SAMPLE_DAYS },
    (_, i) => today - (SAMPLE_DAYS - 1 - i) * DAY_MS,
  );
  const weights = starts.map(
    (start) => dayWeight(start) * Math.min(1, (now.getTime() - start) / DAY_MS),
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  // Whole requests per day, the remainders handed out largest first, so that the days add up to `requests`.
  const exact = weights.map((w) => (w / total) * requests);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = requests - counts.reduce((sum, n) => sum + n, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]] += 1;

  for (const [i, start] of starts.entries()) {
    const until = Math.min(now.getTime(), start + DAY_MS - 1);
    const moments = Array.from({ length: counts[i] }, () => momentOf(random, start, until));
    moments.sort((a, b) => a - b);
    const numbers = serials(random, counts[i]);
    for (const [j, at] of moments.entries()) yield { createdAt: new Date(at), serial: numbers[j] };
  }
}
