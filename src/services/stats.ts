import type { Stats } from '@/domain/stats';
import { cachedRequest, type Fetched } from './cache';
import { request } from './http';

/** The overview's figures: commitments by status and category, and the 民呼必应 figures. */
export function getStats(): Promise<Fetched<Stats>> {
  const path = '/api/stats';
  return cachedRequest(path, () => request<Stats>(path));
}
