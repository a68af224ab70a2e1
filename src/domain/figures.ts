import { COMMITMENT_CATEGORIES, type Commitment, type CommitmentCategory } from './commitment';
import { beijingDate } from './dates';
import type { District } from './districts';
import { completedCount, summarizeCommitments } from './stats';
import type { TicketCategory } from './ticket';

/**
 * The 数据 page's figures (`GET /api/figures`), all from maintained aggregates: weeks and months are Beijing ones,
 * a week keyed by its Monday (YYYY-MM-DD), a month as YYYY-MM.
 */
export interface CategoryCompletion {
  category: CommitmentCategory;
  name: string;
  total: number;
  /** Targets reached, on time or not. */
  completed: number;
  averagePercent: number;
}

export interface WeekFigures {
  /** The Monday the week starts on. */
  week: string;
  /** New requests by category; a category with none is left out. */
  counts: Partial<Record<TicketCategory, number>>;
  total: number;
}

export interface MonthFigures {
  month: string;
  /** Requests filed in the month, and how many of them are 已办结 now. */
  filed: number;
  closed: number;
  closureRate: number | null;
  /** Median hours from filing to the first 已办结, of the requests first resolved in the month (to the hour). */
  medianHoursToClose: number | null;
  /** Ratings given in the month, and how many were 满意 or 基本满意. */
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export interface DistrictFigures {
  district: District;
  /** Requests filed over the months shown. */
  filed: number;
}

export interface Figures {
  asOf: string;
  completion: CategoryCompletion[];
  /** The last 52 weeks, oldest first, this week last. */
  weeks: WeekFigures[];
  /** The last 12 months, oldest first, this month last. */
  months: MonthFigures[];
  districts: DistrictFigures[];
}

export const FIGURE_WEEKS = 52;
export const FIGURE_MONTHS = 12;
const DAY_MS = 24 * 3600 * 1000;

/** The Beijing month of a moment: YYYY-MM. */
export function beijingMonth(moment: Date): string {
  return beijingDate(moment).slice(0, 7);
}

/** The Monday (YYYY-MM-DD) of the Beijing week a moment falls in. */
export function beijingWeek(moment: Date): string {
  const day = new Date(`${beijingDate(moment)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The Mondays of the last `count` weeks, oldest first, this week's last. */
export function lastWeeks(now: Date, count = FIGURE_WEEKS): string[] {
  const monday = Date.parse(`${beijingWeek(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(monday - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The last `count` months (YYYY-MM), oldest first, this month last. */
export function lastMonths(now: Date, count = FIGURE_MONTHS): string[] {
  const [year, month] = beijingMonth(now).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Hours to close are counted in whole hours; 90 days and longer share the last bucket. */
export const HOURS_BUCKET_MAX = 90 * 24;

export function hoursBucket(createdAt: string, resolvedAt: string): number {
  const hours = Math.floor((Date.parse(resolvedAt) - Date.parse(createdAt)) / 3600_000);
  return Math.min(HOURS_BUCKET_MAX, Math.max(0, hours));
}

/** The median of a distribution in hourly buckets, as the middle of its bucket: exact to within an hour. */
export function medianOfBuckets(
  buckets: readonly { hours: number; count: number }[],
): number | null {
  const sorted = [...buckets].filter((b) => b.count > 0).sort((a, b) => a.hours - b.hours);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (seen > rank) return b.hours + 0.5;
    }
    return sorted[sorted.length - 1].hours + 0.5;
  };
  const middle = Math.floor(total / 2);
  return total % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** A part of a whole, 0–1 to three places; null with nothing to measure. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Completion by category, in the categories' order: how many targets were reached, and the mean progress. */
export function completionByCategory(commitments: Commitment[], now: Date): CategoryCompletion[] {
  const { byCategory } = summarizeCommitments(commitments, now);
  return COMMITMENT_CATEGORIES.flatMap(({ code }) => {
    const c = byCategory.find((b) => b.category === code);
    return c
      ? [
          {
            category: c.category,
            name: c.name,
            total: c.total,
            completed: completedCount(c.counts),
            averagePercent: c.averagePercent,
          },
        ]
      : [];
  });
}
