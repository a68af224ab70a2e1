import { View, Text } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@/services/time';
import './index.scss';

/** Placeholder cards while the first page loads. */
export function LoadingCards({ count = 4 }: { count?: number }) {
  return (
    <View className="state-loading" ariaRole="status" ariaLabel="正在加载" data-testid="loading">
      <Text className="state-sr-only">正在加载…</Text>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="state-loading__card">
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}

/** A mark drawn in CSS (NutUI's default pictures load from a remote host, which a weak network can't afford). */
function Mark({ kind }: { kind: 'empty' | 'error' }) {
  return (
    <View className={`state-mark state-mark--${kind}`}>
      <Text>{kind === 'empty' ? '∅' : '!'}</Text>
    </View>
  );
}

export interface EmptyStateProps {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, description, actionText, onAction }: EmptyStateProps) {
  return (
    <View className="state-view" data-testid="empty">
      <Empty image={<Mark kind="empty" />} title={title} description={description} />
      {actionText && onAction ? (
        <Button className="state-view__action" type="primary" fill="outline" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className="state-view" ariaRole="alert" data-testid="error">
      <Empty image={<Mark kind="error" />} title="加载失败" description={message} />
      <Button className="state-view__action" type="primary" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** Shown instead of an error when the network is down and kept data is on screen. */
export function OfflineBanner({ savedAt }: { savedAt: string }) {
  return (
    <View className="offline-banner" ariaRole="status" data-testid="offline-banner">
      <Text className="offline-banner__label">离线</Text>
      <Text>{` · 数据截至 ${formatDateTime(savedAt)}，联网后下拉刷新`}</Text>
    </View>
  );
}
