import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Commitment, CommitmentCategory } from '@/domain/commitment';
import { commitmentDetailPath } from '@/domain/display';
import type { CommitmentStatus } from '@/domain/status';
import AppPage from '@/components/app-page';
import CommitmentCard from '@/components/commitment-card';
import { EmptyState, ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import { listCommitments } from '@/services/commitments';
import { takePendingCategory } from '@/services/pending-filter';
import { ALL, CategoryTabs, SearchBox, StatusFilter } from './filters';
import './index.scss';

interface Filter {
  category: string;
  status: string;
  q: string;
}

interface ListState {
  phase: 'loading' | 'ready' | 'error';
  items: Commitment[];
  nextCursor: string | null;
  total: number;
  error: string;
  offline: boolean;
  savedAt: string;
  loadingMore: boolean;
  /** A new filter is loading while the current cards stay on screen. */
  filtering: boolean;
}

const INITIAL: ListState = {
  phase: 'loading',
  items: [],
  nextCursor: null,
  total: 0,
  error: '',
  offline: false,
  savedAt: '',
  loadingMore: false,
  filtering: false,
};

const NO_FILTER: Filter = { category: ALL, status: ALL, q: '' };

function toQuery(filter: Filter) {
  return {
    category: filter.category === ALL ? undefined : (filter.category as CommitmentCategory),
    status: filter.status === ALL ? undefined : (filter.status as CommitmentStatus),
    q: filter.q || undefined,
  };
}

const openDetail = (id: string) => {
  void Taro.navigateTo({ url: commitmentDetailPath(id) });
};

export default function CommitmentsPage() {
  const [filter, setFilter] = useState<Filter>(() => {
    const pending = takePendingCategory();
    return pending ? { ...NO_FILTER, category: pending } : NO_FILTER;
  });
  const [state, setState] = useState<ListState>(INITIAL);
  // Only the answer to the latest request is shown: a slow answer to an old filter is dropped.
  const requestId = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const load = useCallback(async (next: Filter, mode: 'replace' | 'refresh') => {
    const id = ++requestId.current;
    // The first load shows skeletons; a new filter keeps the cards on screen until the answer comes, so cards
    // present in both answers are not redrawn.
    if (mode === 'replace') {
      setState((s) =>
        s.phase === 'ready' && s.items.length > 0
          ? { ...s, filtering: true }
          : { ...s, phase: 'loading', error: '' },
      );
    }
    try {
      const { data, offline, savedAt } = await listCommitments(toQuery(next));
      if (id !== requestId.current) return;
      setState({
        phase: 'ready',
        items: data.items,
        nextCursor: data.nextCursor,
        total: data.total,
        error: '',
        offline,
        savedAt,
        loadingMore: false,
        filtering: false,
      });
    } catch (error) {
      if (id !== requestId.current) return;
      setState((s) => ({
        ...s,
        phase: 'error',
        error: error instanceof Error ? error.message : '加载失败',
        loadingMore: false,
        filtering: false,
      }));
    }
  }, []);

  useEffect(() => {
    void load(filter, 'replace');
  }, [filter, load]);

  useDidShow(() => {
    const pending = takePendingCategory();
    if (pending) setFilter({ ...NO_FILTER, category: pending });
  });

  usePullDownRefresh(() => {
    void load(filter, 'refresh').finally(() => Taro.stopPullDownRefresh());
  });

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    // While a new filter loads, the cursor on screen belongs to the old one.
    if (
      current.phase !== 'ready' ||
      current.filtering ||
      current.loadingMore ||
      !current.nextCursor
    ) {
      return;
    }
    const id = requestId.current;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const { data, offline, savedAt } = await listCommitments(
        toQuery(filterRef.current),
        current.nextCursor,
      );
      if (id !== requestId.current) return;
      setState((s) => {
        const seen = new Set(s.items.map((c) => c.id));
        return {
          ...s,
          items: [...s.items, ...data.items.filter((c) => !seen.has(c.id))],
          nextCursor: data.nextCursor,
          total: data.total,
          offline: s.offline || offline,
          savedAt: offline ? savedAt : s.savedAt,
          loadingMore: false,
        };
      });
    } catch (error) {
      if (id !== requestId.current) return;
      setState((s) => ({ ...s, loadingMore: false }));
      void Taro.showToast({
        title: error instanceof Error ? error.message : '加载失败',
        icon: 'none',
      });
    }
  }, []);
  useReachBottom(() => void loadMore());

  const setCategory = useCallback((category: string) => setFilter((f) => ({ ...f, category })), []);
  const setStatus = useCallback((status: string) => setFilter((f) => ({ ...f, status })), []);
  const setQuery = useCallback((q: string) => setFilter((f) => (f.q === q ? f : { ...f, q })), []);
  const clearFilters = useCallback(() => setFilter(NO_FILTER), []);
  const retry = useCallback(() => {
    setState((s) => ({ ...s, phase: 'loading', error: '' }));
    void load(filterRef.current, 'replace');
  }, [load]);
  const filtered = filter.category !== ALL || filter.status !== ALL || filter.q !== '';

  return (
    <AppPage className="commitments-page">
      <View className="filters">
        <SearchBox value={filter.q} onSearch={setQuery} />
        <CategoryTabs value={filter.category} onChange={setCategory} />
        <StatusFilter value={filter.status} onChange={setStatus} />
      </View>

      {state.offline && state.phase === 'ready' ? <OfflineBanner savedAt={state.savedAt} /> : null}

      {state.phase === 'loading' ? <LoadingCards /> : null}
      {state.phase === 'error' ? <ErrorState message={state.error} onRetry={retry} /> : null}
      {state.phase === 'ready' && state.items.length === 0 ? (
        <EmptyState
          title="没有找到相符的民生实事"
          description={filtered ? '换个类别、状态或关键词试试' : '暂时还没有数据'}
          actionText={filtered ? '清除筛选，查看全部' : '重新加载'}
          onAction={filtered ? clearFilters : retry}
        />
      ) : null}

      {state.phase === 'ready' && state.items.length > 0 ? (
        <View
          className="commitments-list"
          data-testid="commitment-list"
          aria-busy={state.filtering}
        >
          <Text className="commitments-list__count app-muted">
            {state.filtering ? '正在筛选…' : `共 ${state.total} 项${filtered ? '（已筛选）' : ''}`}
          </Text>
          {state.items.map((commitment) => (
            <CommitmentCard key={commitment.id} commitment={commitment} onOpen={openDetail} />
          ))}
          <View className="commitments-list__footer">
            {state.nextCursor ? (
              <Button
                className="commitments-list__more"
                fill="outline"
                loading={state.loadingMore}
                onClick={() => void loadMore()}
              >
                {state.loadingMore
                  ? '正在加载…'
                  : `加载更多（还有 ${state.total - state.items.length} 项）`}
              </Button>
            ) : (
              <Text className="app-muted">已显示全部 {state.total} 项</Text>
            )}
          </View>
        </View>
      ) : null}
    </AppPage>
  );
}
