import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { useCallback } from 'react';
import { requestLookupPath } from '@/app-paths';
import AppPage from '@/components/app-page';
import NoticeButton from '@/components/notice-button';
import { EmptyState, ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import {
  isOverdue,
  TICKET_STATUSES,
  ticketCategoryName,
  ticketStatusName,
  type Ticket,
} from '@/domain/ticket';
import { useResource } from '@/hooks/use-resource';
import { useCitizen } from '@/services/citizen';
import { useElderMode } from '@/services/elder-mode';
import { copyWithFeedback } from '@/services/feedback';
import { findStoredTicket, getTicketKept } from '@/services/tickets';
import { formatDateTime, fromNow } from '@/services/time';
import PhotoGrid from '@/components/photo-grid';
import Rating from './rating';
import './index.scss';

/** One request as its submitter follows it: 已受理 → 已派单 → 办理中 → 已办结, every step, and the rating. */
export default function RequestDetailPage() {
  const { params } = useRouter();
  const ticketNo = params.no ? decodeURIComponent(params.no) : '';
  const stored = ticketNo ? findStoredTicket(ticketNo) : undefined;
  const token = stored?.accessToken ?? null;
  // The phone that filed (or looked up) the request holds its token; signed in with WeChat, the citizen's own
  // requests open on any phone. Without either there is nothing to load.
  const citizen = useCitizen();
  const load = useCallback(() => getTicketKept(ticketNo, token), [ticketNo, token]);
  const resource = useResource(token || citizen ? load : null);
  const rated = (next: Ticket) => resource.set((kept) => ({ ...kept, data: next }));
  // 长辈模式: the steps one under the other, each name read whole at the larger size.
  const elder = useElderMode();

  if (!stored && (!citizen || resource.status === 'error')) {
    return (
      <AppPage>
        <EmptyState
          title="这部手机上没有这件诉求"
          description="用受理编号和提交时留的手机号码，就能在这部手机上查看。也可以拨打 12345 报受理编号查询。"
          actionText="用编号和手机号查询"
          onAction={() => void Taro.redirectTo({ url: requestLookupPath(ticketNo) })}
        />
      </AppPage>
    );
  }
  if (!resource.data) {
    return (
      <AppPage>
        {resource.status === 'error' ? (
          <ErrorState message={resource.error} onRetry={resource.reload} />
        ) : (
          <LoadingCards count={3} />
        )}
      </AppPage>
    );
  }

  const { data: ticket, offline, savedAt } = resource.data;
  const stepIndex = TICKET_STATUSES.findIndex((s) => s.code === ticket.status);
  const overdue = isOverdue(ticket, new Date());
  const events = [...ticket.events].reverse();

  return (
    <AppPage className="request-detail">
      {offline ? <OfflineBanner savedAt={savedAt} /> : null}
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
            onClick={() => void copyWithFeedback(ticket.ticketNo, '已复制编号')}
          >
            复制
          </Button>
        </View>
        <Text className="app-muted">
          {ticket.status === 'resolved'
            ? `${formatDateTime(ticket.resolvedAt)} 办结`
            : `应在 ${formatDateTime(ticket.dueAt)} 前办结${overdue ? '，已超过期限' : ''}`}
        </Text>
        {ticket.status !== 'resolved' ? (
          <NoticeButton ticketNo={ticket.ticketNo} accessToken={token} />
        ) : null}
      </View>

      <View className="app-section">
        <Steps
          direction={elder ? 'vertical' : 'horizontal'}
          status="dynamic"
          value={ticket.status === 'resolved' ? 5 : stepIndex + 1}
        >
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
        <Rating ticket={ticket} accessToken={token} onRated={rated} />
        {ticket.status !== 'resolved' && ticket.ratings.length === 0 ? (
          <Text className="app-muted">办结后可以在这里评价</Text>
        ) : null}
      </View>

      <View className="app-section">
        <Text className="app-section__title">您反映的问题</Text>
        <Text className="request-detail__content">{ticket.content}</Text>
        <View className="request-detail__facts">
          <Text>类别：{ticketCategoryName(ticket.category)}</Text>
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
