import Taro from '@tarojs/taro';
import { ApiError } from './http';

/**
 * The offline fallback, in one place: every successful GET is kept in storage under its request,
 * and when a later request never reaches the server, the kept answer is served instead, marked offline.
 */
const PREFIX = 'cache:';
const INDEX_KEY = 'cache:index';
/** Enough for the lists and details a resident looked at; storage on weapp is 10 MB in all. */
const MAX_ENTRIES = 60;

interface Entry<T> {
  data: T;
  savedAt: string;
}

export interface Fetched<T> {
  data: T;
  /** True when the network failed and `data` is what was kept from an earlier visit. */
  offline: boolean;
  /** When `data` came from the server (ISO). */
  savedAt: string;
}

function readIndex(): string[] {
  try {
    const index = Taro.getStorageSync(INDEX_KEY);
    return Array.isArray(index) ? (index as string[]) : [];
  } catch {
    return [];
  }
}

function remember<T>(key: string, entry: Entry<T>) {
  try {
    Taro.setStorageSync(PREFIX + key, entry);
    const index = [key, ...readIndex().filter((k) => k !== key)];
    for (const old of index.splice(MAX_ENTRIES)) Taro.removeStorageSync(PREFIX + old);
    Taro.setStorageSync(INDEX_KEY, index);
  } catch {
    // Storage full or unavailable: the app still works online.
  }
}

export function readCached<T>(key: string): Entry<T> | null {
  try {
    const entry = Taro.getStorageSync(PREFIX + key) as Entry<T> | '';
    return entry && typeof entry === 'object' && 'savedAt' in entry ? entry : null;
  } catch {
    return null;
  }
}

/** Loads through `load`, keeping the answer under `key`; on a network failure falls back to the kept answer. */
export async function cachedRequest<T>(key: string, load: () => Promise<T>): Promise<Fetched<T>> {
  try {
    const data = await load();
    const savedAt = new Date().toISOString();
    remember(key, { data, savedAt });
    return { data, offline: false, savedAt };
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError) {
      const kept = readCached<T>(key);
      if (kept) return { data: kept.data, offline: true, savedAt: kept.savedAt };
    }
    throw error;
  }
}

/** The request as a cache key: path and its query, in a stable order, empty values left out. */
export function requestKey(
  path: string,
  query: Record<string, string | number | null | undefined> = {},
) {
  const params = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return params.length ? `${path}?${params.join('&')}` : path;
}
