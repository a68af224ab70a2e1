import { Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { EmptyState, ErrorState, LoadingCards } from '@/components/state-views';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import { commitmentCategoryName, type Commitment } from '@/domain/commitment';
import { formatDelivered } from '@/domain/display';
import { useResource } from '@/hooks/use-resource';
import { listCommitments } from '@/services/commitments';

/** Pick a commitment to report on: the list searches titles and the report's sentences (GET /api/commitments?q=). */
export default function CommitmentSearch({ onPick }: { onPick: (c: Commitment) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const load = useCallback(
    () => listCommitments({ q: q || undefined }, null, 50).then((page) => page.data.items),
    [q],
  );
  const found = useResource(load, { pullDown: false });

  return (
    <View className="commitment-search">
      <SearchBar
        className="commitment-search__bar"
        placeholder="搜索民生实事，如 幼儿园、社区"
        value={text}
        maxLength={50}
        onChange={(value) => setText(value)}
        onSearch={(value) => setQ(value.trim())}
        onClear={() => setText('')}
      />
      {found.status === 'error' ? (
        <ErrorState message={found.error} onRetry={found.reload} />
      ) : found.data === null ? (
        <LoadingCards count={3} />
      ) : found.data.length === 0 ? (
        <EmptyState title="没有找到" description="换个关键词试试" />
      ) : (
        found.data.map((c) => (
          <View
            key={c.id}
            className="commitment-search__item app-section"
            ariaRole="button"
            {...FOCUSABLE}
            data-testid="commitment-option"
            onClick={() => onPick(c)}
          >
            <View className="commitment-search__head">
              <Text className="commitment-search__title">{c.title}</Text>
              <CommitmentStatusTag status={c.status} />
            </View>
            <Text className="app-muted">
              {commitmentCategoryName(c.category)} · {formatDelivered(c)} · 进度{' '}
              {c.progress.percent}%
            </Text>
          </View>
        ))
      )}
    </View>
  );
}
