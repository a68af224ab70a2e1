import type { Figures } from '@/domain/figures';
import { cachedRequest, type Fetched } from './cache';
import { request } from './http';

/** The 数据 page's figures: completion by category, the requests' weeks and months, by district. */
export function getFigures(): Promise<Fetched<Figures>> {
  const path = '/api/figures';
  return cachedRequest(path, () => request<Figures>(path));
}
