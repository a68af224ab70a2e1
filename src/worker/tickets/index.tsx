import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Switch, Tabs } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState } from 'react';
import AppPage from '@/components/app-page';
import { EmptyState, ErrorState, LoadingCards } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import {
  isOverdue,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  type Ticket,
  type TicketStatus,
} from '@/domain/ticket';
import { currentSession } from '@/services/auth';
import { formatDateTime, fromNow } from '@/services/time';
import { listTicketQueue } from '@/services/worker';
import { useStaffSession } from '../session';
import '../worker.scss';
import './index.scss';

const ALL = 'all';
const TABS = [{ code: ALL, name: '全部' }, ...TICKET_STATUSES];

function categoryName(code: string): string {
  return TICKET_CATEGORIES.find((c) => c.code === code)?.name ?? code;
}

export default function WorkerTicketsPage() {
  const session = useStaffSession();
  const [tab, setTab] = useState<string>(ALL);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [more, setMore] = useState(false);
  const generation = useRef(0);

  /** A new filter starts from skeletons; a refresh keeps the list on screen until the answer. */
  const load = useCallback(async (status: string, overdue: boolean, refresh = false) => {
    const mine = ++generation.current;
    setError('');
    if (!refresh) setItems(null);
    try {
      const page = await listTicketQueue({
        status: status === ALL ? undefined : (status as TicketStatus),
        overdue,
      });
      if (mine !== generation.current) return;
      setItems(page.items);
      setTotal(page.total);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    }
  }, []);

  async function loadMore() {
    if (!cursor || more) return;
    const mine = generation.current;
    setMore(true);
    try {
      const page = await listTicketQueue(
        { status: tab === ALL ? undefined : (tab as TicketStatus), overdue: overdueOnly },
        cursor,
      );
      if (mine !== generation.current) return;
      setItems((list) => [...(list ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none' });
    } finally {
      setMore(false);
    }
  }

  // Refresh on every return from a ticket, whose status may have changed there; never without a session.
  useDidShow(() => {
    if (currentSession()) void load(tab, overdueOnly, true);
  });
  usePullDownRefresh(() => {
    void load(tab, overdueOnly, true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void loadMore());

  if (!session) return <AppPage />;
  const now = new Date();

  return (
    <AppPage className="worker-tickets">
      <View className="worker-tickets__scope app-muted">
        {session.worker.role === 'admin' ? '全市' : session.worker.district}的诉求
        {items ? ` · 共 ${total} 件` : ''}
      </View>
      <Tabs
        value={tab}
        activeType="line"
        autoHeight
        duration={0}
        onChange={(value) => {
          setTab(String(value));
          void load(String(value), overdueOnly);
        }}
      >
        {TABS.map((t) => (
          <Tabs.TabPane key={t.code} value={t.code} title={t.name} />
        ))}
      </Tabs>
      <View className="worker-tickets__filter">
        <Text>只看已超期</Text>
        <Switch
          checked={overdueOnly}
          onChange={(checked) => {
            setOverdueOnly(checked);
            void load(tab, checked);
          }}
        />
      </View>

      {error ? (
        <ErrorState message={error} onRetry={() => void load(tab, overdueOnly)} />
      ) : items === null ? (
        <LoadingCards count={3} />
      ) : items.length === 0 ? (
        <EmptyState title="没有诉求" description="这里暂时没有需要办理的诉求" />
      ) : (
        <View>
          {items.map((t) => (
            <View
              key={t.ticketNo}
              className="app-section worker-ticket"
              ariaRole="button"
              data-testid="ticket-item"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/worker/ticket-detail/index?ticketNo=${encodeURIComponent(t.ticketNo)}`,
                })
              }
            >
              <View className="worker-ticket__head">
                <Text className="worker-ticket__no">{t.ticketNo}</Text>
                <View className="worker-ticket__tags">
                  {isOverdue(t, now) ? <Text className="worker-overdue">已超期</Text> : null}
                  <TicketStatusTag status={t.status} />
                </View>
              </View>
              <Text className="worker-ticket__category">{categoryName(t.category)}</Text>
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
          {cursor ? (
            <Button block fill="outline" loading={more} onClick={() => void loadMore()}>
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
