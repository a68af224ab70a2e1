import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { staffTicketPath } from '@/app-paths';
import AppPage from '@/components/app-page';
import AppTabs from '@/components/app-tabs';
import { EmptyState, ErrorState, LoadingCards } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import {
  isOverdue,
  TICKET_STATUSES,
  ticketCategoryName,
  type TicketStatus,
  type TicketSummary,
} from '@/domain/ticket';
import { usePagedList } from '@/hooks/use-paged-list';
import { currentSession } from '@/services/auth';
import { formatDateTime, fromNow } from '@/services/time';
import { listTicketQueue } from '@/services/worker';
import { useStaffSession } from '../session';
import '../worker.scss';
import './index.scss';

const ALL = 'all';
const TABS = [{ code: ALL, name: '全部' }, ...TICKET_STATUSES];

const ticketKey = (ticket: TicketSummary) => ticket.ticketNo;
/** Never a staff call without a session: it would only send the worker to sign in. */
const signedIn = () => currentSession() !== null;

export default function WorkerTicketsPage() {
  const session = useStaffSession();
  const [tab, setTab] = useState<string>(ALL);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const loadPage = useCallback(
    (cursor: string | null) =>
      listTicketQueue(
        { status: tab === ALL ? undefined : (tab as TicketStatus), overdue: overdueOnly },
        cursor,
      ),
    [tab, overdueOnly],
  );
  // A new filter starts from skeletons; returning from a ticket, whose status may have changed there, refreshes
  // the list without blanking it.
  const queue = usePagedList(session ? loadPage : null, {
    keyOf: ticketKey,
    refreshOnShow: signedIn,
  });

  if (!session) return <AppPage />;
  const now = new Date();

  return (
    <AppPage className="worker-tickets">
      <View className="worker-tickets__scope app-muted">
        {session.worker.role === 'admin' ? '全市' : session.worker.district}的诉求
        {queue.status === 'ready' ? ` · 共 ${queue.total} 件` : ''}
      </View>
      <AppTabs tabs={TABS} value={tab} onChange={setTab} label="按状态筛选" />
      <View className="worker-tickets__filter">
        <Text>只看已超期</Text>
        <Switch
          checked={overdueOnly}
          ariaLabel="只看已超期"
          onChange={(checked) => setOverdueOnly(checked)}
        />
      </View>

      {queue.status === 'error' ? (
        <ErrorState message={queue.error} onRetry={queue.reload} />
      ) : queue.status !== 'ready' ? (
        <LoadingCards count={3} />
      ) : queue.items.length === 0 ? (
        <EmptyState title="没有诉求" description="这里暂时没有需要办理的诉求" />
      ) : (
        <View>
          {queue.items.map((t) => (
            <View
              key={t.ticketNo}
              className="app-section worker-ticket"
              ariaRole="button"
              {...FOCUSABLE}
              data-testid="ticket-item"
              onClick={() => void Taro.navigateTo({ url: staffTicketPath(t.ticketNo) })}
            >
              <View className="worker-ticket__head">
                <Text className="worker-ticket__no">{t.ticketNo}</Text>
                <View className="worker-ticket__tags">
                  {isOverdue(t, now) ? <Text className="worker-overdue">已超期</Text> : null}
                  <TicketStatusTag status={t.status} />
                </View>
              </View>
              <Text className="worker-ticket__category">{ticketCategoryName(t.category)}</Text>
              <Text className="worker-ticket__content">{t.content}</Text>
              <Text className="app-muted worker-ticket__line">
                {t.district}
                {t.address ? ` · ${t.address}` : ''}
              </Text>
              <Text className="app-muted worker-ticket__line">
                {fromNow(t.createdAt, now)}提交 · 办结期限 {formatDateTime(t.dueAt)}
              </Text>
            </View>
          ))}
          {queue.hasMore ? (
            <Button
              block
              fill="outline"
              loading={queue.loadingMore}
              onClick={() => void queue.loadMore()}
            >
              加载更多
            </Button>
          ) : (
            <Text className="app-muted worker-tickets__end">没有更多了</Text>
          )}
        </View>
      )}
    </AppPage>
  );
}
