import { useEffect, useSyncExternalStore } from 'react';
import { cachedRequest, readCached } from './cache';
import { request } from './http';

/** What the app reads of `GET /api/meta`: the lists are in src/domain; the server adds what only it knows. */
export interface Meta {
  /** The database holds generated sample data (`npm run seed`): every page says 示例数据. */
  sample: boolean;
}

const PATH = '/api/meta';

export function getMeta() {
  return cachedRequest(PATH, () => request<Meta>(PATH));
}

// Known from the last answer kept on the phone at once, then from the server once per start of the app.
let sample: boolean | null = null;
let asked = false;
const listeners = new Set<() => void>();

export function isSampleData(): boolean {
  sample ??= readCached<Meta>(PATH)?.data.sample === true;
  return sample;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Asks the server once per start of the app; without an answer, what was known stays. */
export async function refreshSampleData(): Promise<void> {
  if (asked) return;
  asked = true;
  try {
    const { data } = await getMeta();
    if (data.sample === isSampleData()) return;
    sample = data.sample === true;
    for (const listener of listeners) listener();
  } catch {
    // No answer: the notice stays as it was.
  }
}

/** Whether the figures the app shows are sample data; the component renders again when that is learnt. */
export function useSampleData(): boolean {
  const value = useSyncExternalStore(subscribe, isSampleData, isSampleData);
  useEffect(() => {
    void refreshSampleData();
  }, []);
  return value;
}

/** Tests only: forget what was learnt. */
export function resetSampleDataForTests(): void {
  sample = null;
  asked = false;
}
