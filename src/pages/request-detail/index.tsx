import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import AppPage from '@/components/app-page';
import { EmptyState, ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import {
  isOverdue,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  ticketStatusName,
  type Ticket,
} from '@/domain/ticket';
import { findStoredTicket, getTicketKept } from '@/services/tickets';
import { formatDateTime, fromNow } from '@/services/time';
import PhotoGrid from '@/components/photo-grid';
import Rating from './rating';
import './index.scss';

async function fetchTicket(
  ticketNo: string,
  token: string,
): Promise<{ ticket: Ticket; keptAt: string | null } | { error: string }> {
  try {
    const { data, offline, savedAt } = await getTicketKept(ticketNo, token);
    return { ticket: data, keptAt: offline ? savedAt : null };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** One request as its submitter follows it: 已受理 → 已派单 → 办理中 → 已办结, every step, and the rating. */
export default function RequestDetailPage() {
  const { params } = useRouter();
  const ticketNo = params.no ? decodeURIComponent(params.no) : '';
  const stored = ticketNo ? findStoredTicket(ticketNo) : undefined;
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState('');
  const [keptAt, setKeptAt] = useState<string | null>(null);
  function apply(result: { ticket: Ticket; keptAt: string | null } | { error: string }) {
    if ('ticket' in result) {
      setTicket(result.ticket);
      setKeptAt(result.keptAt);
    } else setError(result.error);
  }

  const token = stored?.accessToken ?? '';
  const load = useCallback(() => {
    setError('');
    return fetchTicket(ticketNo, token).then(apply);
  }, [ticketNo, token]);

  useEffect(() => {
    let current = true;
    if (token) void fetchTicket(ticketNo, token).then((next) => current && apply(next));
    return () => {
      current = false;
    };
  }, [ticketNo, token]);
  usePullDownRefresh(() => {
    void fetchTicket(ticketNo, token)
      .then((result) => {
        // The request stays on screen; say why it could not be brought up to date.
        if ('error' in result && ticket) void Taro.showToast({ title: result.error, icon: 'none' });
        else apply(result);
      })
      .finally(() => Taro.stopPullDownRefresh());
  });

  if (!stored) {
    return (
      <AppPage>
        <EmptyState
          title="这部手机上没有这件诉求"
          description="只有提交诉求的手机能查看详情。也可以拨打 12345 报受理编号查询。"
          actionText="查看我的诉求"
          onAction={() => void Taro.redirectTo({ url: '/pages/my-requests/index' })}
        />
      </AppPage>
    );
  }
  if (!ticket) {
    return (
      <AppPage>
        {error ? (
          <ErrorState message={error} onRetry={() => void load()} />
        ) : (
          <LoadingCards count={3} />
        )}
      </AppPage>
    );
  }

  const stepIndex = TICKET_STATUSES.findIndex((s) => s.code === ticket.status);
  const overdue = isOverdue(ticket, new Date());
  const category = TICKET_CATEGORIES.find((c) => c.code === ticket.category);
  const events = [...ticket.events].reverse();

  return (
    <AppPage className="request-detail">
      {keptAt ? <OfflineBanner savedAt={keptAt} /> : null}
      <View className="app-section">
        <View className="request-detail__head">
          <TicketStatusTag status={ticket.status} />
          {overdue ? (
            <Text className="request-detail__overdue" data-testid="overdue">
              已超期
            </Text>
          ) : null}
        </View>
        <Text className="request-detail__label">受理编号</Text>
        <View className="request-detail__no-row">
          <Text className="request-detail__no" data-testid="ticket-no">
            {ticket.ticketNo}
          </Text>
          <Button
            size="small"
            fill="outline"
            onClick={() =>
              void Taro.setClipboardData({ data: ticket.ticketNo }).then(() =>
                Taro.showToast({ title: '已复制编号', icon: 'none' }),
              )
            }
          >
            复制
          </Button>
        </View>
        <Text className="app-muted">
          {ticket.status === 'resolved'
            ? `${formatDateTime(ticket.resolvedAt)} 办结`
            : `应在 ${formatDateTime(ticket.dueAt)} 前办结${overdue ? '，已超过期限' : ''}`}
        </Text>
      </View>

      <View className="app-section">
        <Steps status="dynamic" value={ticket.status === 'resolved' ? 5 : stepIndex + 1}>
          {TICKET_STATUSES.map((s, i) => (
            <Step key={s.code} value={i + 1} title={s.name} />
          ))}
        </Steps>
      </View>

      <View className="app-section">
        <Text className="app-section__title">办理经过</Text>
        {events.map((event, i) => (
          <View
            key={`${event.createdAt}-${i}`}
            className="request-detail__event"
            data-testid="event"
          >
            <View className="request-detail__event-head">
              <Text className="request-detail__event-status">{ticketStatusName(event.status)}</Text>
              <Text className="app-muted">
                {formatDateTime(event.createdAt)}（{fromNow(event.createdAt)}）
              </Text>
            </View>
            <Text>{event.note}</Text>
            <Text className="app-muted">{event.actor}</Text>
          </View>
        ))}
      </View>

      <View className="app-section">
        <Rating ticket={ticket} accessToken={stored.accessToken} onRated={setTicket} />
        {ticket.status !== 'resolved' && ticket.ratings.length === 0 ? (
          <Text className="app-muted">办结后可以在这里评价</Text>
        ) : null}
      </View>

      <View className="app-section">
        <Text className="app-section__title">您反映的问题</Text>
        <Text className="request-detail__content">{ticket.content}</Text>
        <View className="request-detail__facts">
          <Text>类别：{category?.name}</Text>
          <Text>
            地点：{ticket.district}
            {ticket.address ? ` ${ticket.address}` : ''}
          </Text>
          <Text>提交时间：{formatDateTime(ticket.createdAt)}</Text>
          <Text>
            联系人：
            {ticket.anonymous && !ticket.phone
              ? '匿名'
              : `${ticket.contactName ?? ''} ${ticket.phone ?? ''}`.trim() || '未留'}
          </Text>
        </View>
        <PhotoGrid photos={ticket.photos} />
      </View>
    </AppPage>
  );
}
