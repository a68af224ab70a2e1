import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { commitmentDetailPath } from '@/app-paths';
import type { Commitment, CommitmentCategory } from '@/domain/commitment';
import type { CommitmentStatus } from '@/domain/status';
import AppPage from '@/components/app-page';
import CommitmentCard from '@/components/commitment-card';
import { EmptyState, ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import { usePagedList } from '@/hooks/use-paged-list';
import { listCommitments } from '@/services/commitments';
import { takePendingFilter, type PendingFilter } from '@/services/pending-filter';
import { ALL, CategoryTabs, SearchBox, StatusFilter } from './filters';
import './index.scss';

interface Filter {
  category: string;
  status: string;
  q: string;
}

const NO_FILTER: Filter = { category: ALL, status: ALL, q: '' };

function toQuery(filter: Filter) {
  return {
    category: filter.category === ALL ? undefined : (filter.category as CommitmentCategory),
    status: filter.status === ALL ? undefined : (filter.status as CommitmentStatus),
    q: filter.q || undefined,
  };
}

/** A filter tapped on 首页 replaces whatever the list had. */
const fromPending = (pending: PendingFilter): Filter => ({
  ...NO_FILTER,
  category: pending.category ?? ALL,
  status: pending.status ?? ALL,
});

const commitmentKey = (commitment: Commitment) => commitment.id;

const openDetail = (id: string) => {
  void Taro.navigateTo({ url: commitmentDetailPath(id) });
};

export default function CommitmentsPage() {
  const [filter, setFilter] = useState<Filter>(() => {
    const pending = takePendingFilter();
    return pending ? fromPending(pending) : NO_FILTER;
  });
  const loadPage = useCallback(
    (cursor: string | null) => listCommitments(toQuery(filter), cursor),
    [filter],
  );
  // A new filter keeps the cards on screen until its answer, so cards present in both are not redrawn.
  const list = usePagedList(loadPage, { keyOf: commitmentKey, keepData: true });

  useDidShow(() => {
    const pending = takePendingFilter();
    if (pending) setFilter(fromPending(pending));
  });

  const setCategory = useCallback((category: string) => setFilter((f) => ({ ...f, category })), []);
  const setStatus = useCallback((status: string) => setFilter((f) => ({ ...f, status })), []);
  const setQuery = useCallback((q: string) => setFilter((f) => (f.q === q ? f : { ...f, q })), []);
  const clearFilters = useCallback(() => setFilter(NO_FILTER), []);
  const filtered = filter.category !== ALL || filter.status !== ALL || filter.q !== '';

  return (
    <AppPage className="commitments-page">
      <View className="filters">
        <SearchBox value={filter.q} onSearch={setQuery} />
        <CategoryTabs value={filter.category} onChange={setCategory} />
        <StatusFilter value={filter.status} onChange={setStatus} />
      </View>

      {list.offline && list.status === 'ready' ? <OfflineBanner savedAt={list.savedAt} /> : null}

      {list.status === 'loading' ? <LoadingCards /> : null}
      {list.status === 'error' ? <ErrorState message={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          title="没有找到相符的民生实事"
          description={filtered ? '换个类别、状态或关键词试试' : '暂时还没有数据'}
          actionText={filtered ? '清除筛选，查看全部' : '重新加载'}
          onAction={filtered ? clearFilters : list.reload}
        />
      ) : null}

      {list.status === 'ready' && list.items.length > 0 ? (
        <View className="commitments-list" data-testid="commitment-list" aria-busy={list.replacing}>
          <Text className="commitments-list__count app-muted">
            {list.replacing ? '正在筛选…' : `共 ${list.total} 项${filtered ? '（已筛选）' : ''}`}
          </Text>
          {list.items.map((commitment) => (
            <CommitmentCard key={commitment.id} commitment={commitment} onOpen={openDetail} />
          ))}
          <View className="commitments-list__footer">
            {list.hasMore ? (
              <Button
                className="commitments-list__more"
                fill="outline"
                loading={list.loadingMore}
                onClick={() => void list.loadMore()}
              >
                {list.loadingMore
                  ? '正在加载…'
                  : `加载更多（还有 ${list.total - list.items.length} 项）`}
              </Button>
            ) : (
              <Text className="app-muted">已显示全部 {list.total} 项</Text>
            )}
          </View>
        </View>
      ) : null}
    </AppPage>
  );
}
