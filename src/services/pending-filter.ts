import type { CommitmentCategory } from '@/domain/commitment';

/**
 * The list is a tab page, and switchTab carries no query: the overview leaves the category a person tapped here,
 * and the list takes it when it shows.
 */
let pending: CommitmentCategory | null = null;

export function setPendingCategory(category: CommitmentCategory) {
  pending = category;
}

export function takePendingCategory(): CommitmentCategory | null {
  const category = pending;
  pending = null;
  return category;
}
