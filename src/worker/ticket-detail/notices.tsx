import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { notificationStateName, type NotificationState } from '@/domain/citizen';
import { ticketStatusName } from '@/domain/ticket';
import { useResource } from '@/hooks/use-resource';
import { formatDateTime } from '@/services/time';
import { getTicketNotifications } from '@/services/worker';

export interface NoticesProps {
  ticketNo: string;
}

const DELIVERED: readonly NotificationState[] = ['sent'];

/**
 * 微信通知: whether the citizen was told of each move in WeChat, and whether they asked to be told of the next.
 * The page keys it on the number of moves, so that a move loads them again.
 */
export default function Notices({ ticketNo }: NoticesProps) {
  const load = useCallback(() => getTicketNotifications(ticketNo), [ticketNo]);
  const notices = useResource(load, { pullDown: false });
  const data = notices.data;
  if (!data) return null;

  return (
    <View className="app-section" data-testid="notices">
      <Text className="app-section__title">微信通知</Text>
      {data.items.length === 0 && data.waitingGrants === 0 ? (
        <Text className="app-muted">市民没有订阅办理进度通知，请按需电话联系。</Text>
      ) : null}
      {data.waitingGrants > 0 ? (
        <Text className="app-muted">市民已订阅，下一步办理时会通过微信通知市民。</Text>
      ) : null}
      {data.items.map((n) => (
        <View key={`${n.queuedAt}-${n.status}`} className="ticket-detail__event">
          <View className="ticket-detail__event-head">
            <Text className="ticket-detail__event-status">
              {ticketStatusName(n.status)} · {notificationStateName(n.state)}
            </Text>
            <Text className="app-muted">
              {formatDateTime(DELIVERED.includes(n.state) && n.sentAt ? n.sentAt : n.queuedAt)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
