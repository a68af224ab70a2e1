import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { REQUEST_LOOKUP_PAGE, REQUESTS_TAB, requestDetailPath } from '@/app-paths';
import AppPage from '@/components/app-page';
import { inputToDraft, saveDraft } from '@/components/request-form/draft';
import { EmptyState, LoadingCards, OfflineBanner } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import { isOverdue, ticketCategoryName } from '@/domain/ticket';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { useCitizen } from '@/services/citizen';
import {
  flushOutbox,
  listOutbox,
  removeFromOutbox,
  subscribeOutbox,
  type OutboxItem,
} from '@/services/outbox';
import { listCitizenTickets } from '@/services/tickets';
import { formatDateTime } from '@/services/time';
import { fetchPhoneRows, mergeRows, type Row } from './rows';
import './index.scss';

function excerpt(text: string) {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

/** What the page shows: the queue as it was when the statuses came back, so the two agree. */
async function loadMine(): Promise<{ queued: OutboxItem[]; rows: Row[] }> {
  const rows = await fetchPhoneRows();
  return { queued: listOutbox(), rows };
}

/**
 * 我的诉求: what this phone has filed — still waiting to be sent first — and, signed in with WeChat, what the citizen
 * filed on any phone: each request once, with its status.
 */
export default function MyRequestsPage() {
  const [queuedAtOpening] = useState<OutboxItem[]>(listOutbox);
  // Loads overlap (page shown, a request delivered, pull-down): only the latest one's answer is shown.
  const mine = useResource(loadMine, { pullDown: false, refreshOnShow: true });
  const { refresh } = mine;
  const queued = mine.data?.queued ?? queuedAtOpening;
  // Signed in (the mini-program only): the citizen's requests from the server, a page at a time.
  const citizen = useCitizen();
  const loadServerPage = useCallback((cursor: string | null) => listCitizenTickets(cursor), []);
  const server = usePagedList(citizen ? loadServerPage : null, {
    keyOf: (t) => t.ticketNo,
    pullDown: false,
    refreshOnShow: true,
  });
  const rows = mine.data ? mergeRows(mine.data.rows, server.items) : null;

  useDidShow(() => void flushOutbox());
  // A queued request that gets delivered moves from 待发送 to the list below.
  useEffect(() => subscribeOutbox(() => void refresh()), [refresh]);
  usePullDownRefresh(() => {
    void Promise.all([flushOutbox(), refresh(), server.refresh()]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  const anyFailed = rows?.some((r) => r.error) ?? false;
  // The oldest of the kept answers, when some came from the phone rather than the server.
  const keptSince = (rows ?? [])
    .map((r) => r.savedAt)
    .filter((at): at is string => at !== null)
    .sort()[0];
  const now = new Date();

  function rewrite(item: OutboxItem) {
    const input = removeFromOutbox(item.key);
    if (input) saveDraft(inputToDraft(input));
    void Taro.switchTab({ url: REQUESTS_TAB });
  }

  return (
    <AppPage className="my-requests">
      {queued.map((item) => (
        <View key={item.key} className="my-requests__card" data-testid="queued-request">
          <View className="my-requests__head">
            <TicketStatusTag status={item.refused ? 'refused' : 'queued'} />
            <Text className="app-muted">{formatDateTime(item.queuedAt)} 填写</Text>
          </View>
          <Text className="my-requests__content">{excerpt(item.input.content)}</Text>
          {item.refused ? (
            <View className="my-requests__refused">
              <Text className="my-requests__error">{item.refused.message}</Text>
              <Button size="small" fill="outline" onClick={() => rewrite(item)}>
                修改后重新提交
              </Button>
            </View>
          ) : (
            <Text className="app-muted">有网络时会自动发送，不会重复</Text>
          )}
        </View>
      ))}

      {rows === null ? <LoadingCards count={2} /> : null}
      {rows !== null && rows.length === 0 && queued.length === 0 ? (
        <EmptyState
          title="还没有反映过问题"
          description="在“民呼必应”里提交诉求后，可以在这里查看办理进度"
          actionText="去反映问题"
          onAction={() => void Taro.switchTab({ url: REQUESTS_TAB })}
        />
      ) : null}
      {keptSince ? <OfflineBanner savedAt={keptSince} /> : null}
      {anyFailed ? (
        <View className="my-requests__banner" ariaRole="alert">
          <Text>有的诉求暂时查不到最新状态，请检查网络</Text>
          <Button size="small" type="primary" onClick={() => void refresh()}>
            重试
          </Button>
        </View>
      ) : null}

      {rows?.map(({ ticketNo, ticket, error }) => (
        <View
          key={ticketNo}
          className="my-requests__card"
          ariaRole="link"
          {...FOCUSABLE}
          data-testid="my-request"
          onClick={() => void Taro.navigateTo({ url: requestDetailPath(ticketNo) })}
        >
          <View className="my-requests__head">
            {ticket ? <TicketStatusTag status={ticket.status} /> : null}
            <Text className="my-requests__no">{ticketNo}</Text>
          </View>
          {ticket ? (
            <>
              <Text className="my-requests__content">
                【{ticketCategoryName(ticket.category)}】{excerpt(ticket.content)}
              </Text>
              <View className="my-requests__meta">
                {ticket.status === 'resolved' ? (
                  <Text className="app-muted">
                    {formatDateTime(ticket.resolvedAt ?? ticket.dueAt)} 办结
                  </Text>
                ) : (
                  <Text className="app-muted">{formatDateTime(ticket.dueAt)} 前办结</Text>
                )}
                {isOverdue(ticket, now) ? (
                  <Text className="my-requests__overdue">已超期</Text>
                ) : null}
              </View>
            </>
          ) : (
            <Text className="app-muted">{error ? '暂时查不到办理状态' : '加载中…'}</Text>
          )}
          <Text className="my-requests__more">查看进度 ›</Text>
        </View>
      ))}
      {server.hasMore ? (
        <Button
          block
          fill="outline"
          loading={server.loadingMore}
          onClick={() => void server.loadMore()}
        >
          加载更早的诉求
        </Button>
      ) : null}
      <Button
        className="my-requests__lookup"
        block
        fill="none"
        onClick={() => void Taro.navigateTo({ url: REQUEST_LOOKUP_PAGE })}
      >
        在别的手机上提交的？用受理编号和手机号查询
      </Button>
    </AppPage>
  );
}
