import { COMMITMENT_CATEGORIES, type Commitment, type CommitmentCategory } from './commitment';
import { COMMITMENT_STATUS_CODES, VERDICTS, type CommitmentStatus } from './status';
import type { TicketCategory } from './ticket';

export type StatusCounts = Record<CommitmentStatus, number>;

export interface CategoryProgress {
  category: CommitmentCategory;
  name: string;
  total: number;
  counts: StatusCounts;
  /** Mean progress of the category's commitments, 0–100. */
  averagePercent: number;
}

export interface CommitmentStats {
  total: number;
  counts: StatusCounts;
  averagePercent: number;
  byCategory: CategoryProgress[];
  /** Commitments whose progress moved in the last 7 days. */
  movedLast7Days: number;
}

export interface TicketStats {
  total: number;
  open: number;
  resolved: number;
  /** resolved / total, 0–1; null with no requests yet. */
  closureRate: number | null;
  /** (满意 + 基本满意) / rated, 0–1; null with no ratings yet. */
  satisfactionRate: number | null;
  /** Median time from filing to the first 已办结, in hours; null with nothing resolved. */
  medianHoursToResolve: number | null;
  /** The same figures per category, for the categories that have requests. */
  byCategory: TicketCategoryStats[];
}

export interface TicketCategoryStats {
  category: TicketCategory;
  name: string;
  total: number;
  resolved: number;
  closureRate: number | null;
  satisfactionRate: number | null;
}

export interface Stats {
  asOf: string;
  commitments: CommitmentStats;
  tickets: TicketStats;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Targets reached, on time or not, and before the deadline alike. */
export function completedCount(counts: StatusCounts): number {
  return counts.done + counts.done_on_time + counts.done_late;
}

/** How many commitments have a verdict: those whose deadline has passed. */
export function verdictCount(counts: StatusCounts): number {
  return VERDICTS.reduce((sum, code) => sum + counts[code], 0);
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(COMMITMENT_STATUS_CODES.map((code) => [code, 0])) as StatusCounts;
}

function averagePercent(commitments: Commitment[]): number {
  if (commitments.length === 0) return 0;
  return Math.round(
    commitments.reduce((sum, c) => sum + c.progress.percent, 0) / commitments.length,
  );
}

export function summarizeCommitments(commitments: Commitment[], now: Date): CommitmentStats {
  const counts = zeroCounts();
  for (const c of commitments) counts[c.status] += 1;
  const byCategory = COMMITMENT_CATEGORIES.map(({ code, name }) => {
    const inCategory = commitments.filter((c) => c.category === code);
    const categoryCounts = zeroCounts();
    for (const c of inCategory) categoryCounts[c.status] += 1;
    return {
      category: code,
      name,
      total: inCategory.length,
      counts: categoryCounts,
      averagePercent: averagePercent(inCategory),
    };
  }).filter((category) => category.total > 0);
  const movedLast7Days = commitments.filter(
    (c) => c.updatedAt !== null && now.getTime() - Date.parse(c.updatedAt) <= WEEK_MS,
  ).length;
  return {
    total: commitments.length,
    counts,
    averagePercent: averagePercent(commitments),
    byCategory,
    movedLast7Days,
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
