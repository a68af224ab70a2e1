import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { showFeedback } from '@/services/feedback';

/**
 * How a page loads what it shows: one resource, loaded when the page opens, again on pull-down, and on retry.
 *
 * ```tsx
 * const load = useCallback(() => getCommitment(id), [id]);
 * const commitment = useResource(load);
 * if (commitment.status === 'loading') return <LoadingCards />;
 * if (commitment.status === 'error') return <ErrorState message={commitment.error} onRetry={commitment.reload} />;
 * ```
 *
 * - `load` is the request; memoise it (`useCallback`) on what it depends on. A new `load` loads again (from
 *   skeletons, or keeping the old data on screen with `keepData`); `null` loads nothing (status `idle`).
 * - Only the latest load's answer is shown: an answer to an older load, or arriving after the page closed, is dropped.
 * - `refresh()` (pull-down, return to the page) keeps the data on screen; when it fails the page stays and a
 *   toast says why. With nothing on screen yet, a failure shows the error state.
 * - `reload()` (the error state's 重试) starts again from skeletons.
 * - `set(change)` replaces the data with what the page itself just learned (a posted event, a rating); an answer
 *   still on its way is dropped, as it is older.
 */
export interface Resource<T> {
  /** `loading`: nothing to show yet; `error`: nothing to show, `error` says why; `ready`: `data` is there. */
  status: 'idle' | 'loading' | 'error' | 'ready';
  data: T | null;
  /** Why the load failed, when the page shows the error state; '' otherwise. */
  error: string;
  /** A new `load` is running while the previous data stays on screen (`keepData` only). */
  replacing: boolean;
  reload(): void;
  refresh(): Promise<void>;
  set(change: (current: T) => T): void;
  /**
   * For a load the caller runs itself (the next page of a list): a `set` that does nothing once another load has
   * started, so that its answer never lands on a newer one.
   */
  setLater(): (change: (current: T) => T) => void;
}

export interface ResourceOptions {
  /** Pulling the page down refreshes it (the page's config enables pull-down). Default true. */
  pullDown?: boolean;
  /** Refresh each time the page shows again (back from another page); a function decides each time. Default false. */
  refreshOnShow?: boolean | (() => boolean);
  /** When `load` changes, keep the old data on screen (`replacing`) until the answer comes. Default false. */
  keepData?: boolean;
}

interface Snapshot<T> {
  /** The load that `data` or `error` answers; when it is not the current `load`, the current one is running. */
  source: (() => Promise<T>) | null;
  data: T | null;
  error: string;
}

type Mode = 'change' | 'blank' | 'refresh';

export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '加载失败';
}

/** Hands out a check per load: only the latest load (and none after unmounting) is current. */
export function useLatestOnly() {
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );
  return useMemo(
    () => ({
      /** A new load: every earlier one stops being current. */
      begin() {
        const mine = ++generation.current;
        return () => mine === generation.current;
      },
      /** A side load (a next page): current until another load begins. */
      join() {
        const mine = generation.current;
        return () => mine === generation.current;
      },
      cancel() {
        generation.current += 1;
      },
    }),
    [],
  );
}

export function useResource<T>(
  load: (() => Promise<T>) | null,
  options: ResourceOptions = {},
): Resource<T> {
  const { pullDown = true, refreshOnShow = false, keepData = false } = options;
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({ source: null, data: null, error: '' });
  const latest = useLatestOnly();
  const loadRef = useRef(load);
  const shown = useRef(snapshot);
  useEffect(() => {
    loadRef.current = load;
    shown.current = snapshot;
  });

  const run = useCallback(
    async (mode: Mode, source = loadRef.current) => {
      if (!source) return;
      const isLatest = latest.begin();
      if (mode === 'blank') setSnapshot({ source, data: null, error: '' });
      try {
        const data = await source();
        if (isLatest()) setSnapshot({ source, data, error: '' });
      } catch (error) {
        if (!isLatest()) return;
        const message = errorMessage(error);
        const { data, source: showing } = shown.current;
        // A failed refresh keeps the page on screen and says why.
        if (mode === 'refresh' && data !== null && showing === source) {
          showFeedback(message);
        } else setSnapshot({ source, data: null, error: message });
      }
    },
    [latest],
  );

  useEffect(() => {
    void run('change', load);
  }, [load, run]);

  const refresh = useCallback(() => run('refresh'), [run]);
  const reload = useCallback(() => void run('blank'), [run]);

  usePullDownRefresh(() => {
    if (pullDown) void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    const wanted = typeof refreshOnShow === 'function' ? refreshOnShow() : refreshOnShow;
    // The first show comes with the first load, which is already on its way.
    const { source, data, error } = shown.current;
    if (wanted && source !== null && source === loadRef.current && (data !== null || error)) {
      void refresh();
    }
  });

  const set = useCallback(
    (change: (current: T) => T) => {
      if (shown.current.data === null) return;
      latest.cancel();
      setSnapshot((s) =>
        s.data === null ? s : { source: loadRef.current, data: change(s.data), error: '' },
      );
    },
    [latest],
  );
  const setLater = useCallback(() => {
    const isCurrent = latest.join();
    return (change: (current: T) => T) => {
      if (isCurrent()) setSnapshot((s) => (s.data === null ? s : { ...s, data: change(s.data) }));
    };
  }, [latest]);

  const current = snapshot.source === load;
  // A new load shows skeletons, or with keepData the previous data until its answer.
  const data = current || keepData ? snapshot.data : null;
  const error = current ? snapshot.error : '';
  const status = data !== null ? 'ready' : error ? 'error' : load !== null ? 'loading' : 'idle';
  return {
    status,
    data,
    error,
    replacing: !current && data !== null,
    reload,
    refresh,
    set,
    setLater,
  };
}
