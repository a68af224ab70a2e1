import type { CommitmentCategory } from '@/domain/commitment';
import type { CommitmentStatus } from '@/domain/status';

/** What the list shows when opened from 首页: a category, a status (a verdict of the scorecard), or both. */
export interface PendingFilter {
  category?: CommitmentCategory;
  status?: CommitmentStatus;
}

/**
 * The list is a tab page, and switchTab carries no query: the overview leaves the filter a person tapped here, and
 * the list takes it when it shows.
 */
let pending: PendingFilter | null = null;

export function setPendingFilter(filter: PendingFilter) {
  pending = filter;
}

export function takePendingFilter(): PendingFilter | null {
  const filter = pending;
  pending = null;
  return filter;
}
