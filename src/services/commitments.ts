import type { Commitment, CommitmentCategory, CommitmentDetail, Page } from '@/domain/commitment';
import type { CommitmentStatus } from '@/domain/status';
import { cachedRequest, requestKey, type Fetched } from './cache';
import { request } from './http';

export interface CommitmentFilter {
  category?: CommitmentCategory;
  status?: CommitmentStatus;
  q?: string;
}

export const PAGE_SIZE = 20;

/** One page of commitments; the answer is kept for offline use, keyed by the request. */
export function listCommitments(
  filter: CommitmentFilter,
  cursor: string | null = null,
  limit = PAGE_SIZE,
): Promise<Fetched<Page<Commitment>>> {
  const path = requestKey('/api/commitments', {
    category: filter.category,
    status: filter.status,
    q: filter.q?.trim() || undefined,
    limit,
    cursor,
  });
  return cachedRequest(path, () => request<Page<Commitment>>(path));
}

/** Every commitment (the dataset: 125, a few pages of 50), following the cursor; for the overview. */
export async function listAllCommitments(): Promise<Fetched<Commitment[]>> {
  const items: Commitment[] = [];
  let cursor: string | null = null;
  let offline = false;
  let savedAt = new Date().toISOString();
  for (let page = 0; page < 10; page += 1) {
    const result: Fetched<Page<Commitment>> = await listCommitments({}, cursor, 50);
    items.push(...result.data.items);
    offline ||= result.offline;
    if (result.savedAt < savedAt) savedAt = result.savedAt;
    cursor = result.data.nextCursor;
    if (!cursor) break;
  }
  return { data: items, offline, savedAt };
}

export function getCommitment(id: string): Promise<Fetched<CommitmentDetail>> {
  const path = `/api/commitments/${encodeURIComponent(id)}`;
  return cachedRequest(path, () => request<CommitmentDetail>(path));
}
