import { useReachBottom } from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Page } from '@/domain/commitment';
import type { Fetched } from '@/services/cache';
import { showFeedback } from '@/services/feedback';
import { errorMessage, useResource, type Resource, type ResourceOptions } from './use-resource';

/**
 * A cursor-paged list, loaded the way `useResource` loads (pull-down, retry, only the latest answer), plus the
 * next page on 加载更多 or on reaching the bottom.
 *
 * ```tsx
 * const loadPage = useCallback((cursor: string | null) => listCommitments(query, cursor), [query]);
 * const list = usePagedList(loadPage, { keyOf: (c) => c.id, keepData: true });
 * list.items; list.total; list.hasMore; list.loadMore();
 * ```
 *
 * - `loadPage(cursor)` answers a `Page` or, from the offline cache, a `Fetched<Page>` (then `offline`/`savedAt`
 *   say so). A new `loadPage` (a new filter) starts from the first page.
 * - No next page is asked for while a new filter loads (the cursor on screen belongs to the old one), and a next
 *   page that comes back after the filter changed is dropped. A failed next page keeps the list and shows a toast.
 * - Items already on screen are not added twice (`keyOf`).
 */
export interface PagedList<T> extends Pick<
  Resource<Listing<T>>,
  'status' | 'error' | 'replacing' | 'reload' | 'refresh'
> {
  items: T[];
  total: number;
  hasMore: boolean;
  /** True when some of the items are kept copies from an earlier visit (the network failed). */
  offline: boolean;
  /** When the kept items came from the server (ISO); meaningful when `offline`. */
  savedAt: string;
  loadingMore: boolean;
  loadMore(): Promise<void>;
}

export interface PagedListOptions<T> extends ResourceOptions {
  /** The item's identity, to leave out an item a next page repeats. */
  keyOf: (item: T) => string;
}

export type PageAnswer<T> = Page<T> | Fetched<Page<T>>;

interface Listing<T> extends Page<T> {
  offline: boolean;
  savedAt: string;
}

function toListing<T>(answer: PageAnswer<T>): Listing<T> {
  return 'data' in answer
    ? { ...answer.data, offline: answer.offline, savedAt: answer.savedAt }
    : { ...answer, offline: false, savedAt: '' };
}

export function usePagedList<T>(
  loadPage: ((cursor: string | null) => Promise<PageAnswer<T>>) | null,
  { keyOf, ...options }: PagedListOptions<T>,
): PagedList<T> {
  const loadFirst = useMemo(
    () => (loadPage ? () => loadPage(null).then(toListing) : null),
    [loadPage],
  );
  const list = useResource(loadFirst, options);
  const [loadingMore, setLoadingMore] = useState(false);
  const running = useRef(false);
  const { data, replacing, setLater } = list;

  const loadMore = useCallback(async () => {
    // While a new filter loads, the cursor on screen belongs to the old one.
    if (!loadPage || !data?.nextCursor || replacing || running.current) return;
    running.current = true;
    setLoadingMore(true);
    const append = setLater();
    try {
      const next = toListing(await loadPage(data.nextCursor));
      append((shown) => {
        const seen = new Set(shown.items.map((item) => keyOf(item)));
        return {
          items: [...shown.items, ...next.items.filter((item) => !seen.has(keyOf(item)))],
          nextCursor: next.nextCursor,
          total: next.total,
          offline: shown.offline || next.offline,
          savedAt: next.offline ? next.savedAt : shown.savedAt,
        };
      });
    } catch (error) {
      showFeedback(errorMessage(error));
    } finally {
      running.current = false;
      setLoadingMore(false);
    }
  }, [loadPage, data, replacing, setLater, keyOf]);
  useReachBottom(() => void loadMore());

  return {
    status: list.status,
    error: list.error,
    replacing,
    reload: list.reload,
    refresh: list.refresh,
    items: data?.items ?? [],
    total: data?.total ?? 0,
    hasMore: Boolean(data?.nextCursor),
    offline: data?.offline ?? false,
    savedAt: data?.savedAt ?? '',
    loadingMore,
    loadMore,
  };
}
