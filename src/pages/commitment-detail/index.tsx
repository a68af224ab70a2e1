import { View, Text } from '@tarojs/components';
import { Button, Progress, Skeleton } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CommitmentDetail } from '@/domain/commitment';
import {
  categoryName,
  commitmentDetailPath,
  formatBaseline,
  formatDelivered,
  SOURCE_REPORT,
} from '@/domain/display';
import { formatTarget } from '@/domain/progress';
import { COMMITMENT_STATUSES, statusName } from '@/domain/status';
import AppPage from '@/components/app-page';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import { ErrorState, OfflineBanner } from '@/components/state-views';
import { getCommitment } from '@/services/commitments';
import type { Fetched } from '@/services/cache';
import { useShare } from '@/services/share';
import { formatDate, fromNow } from '@/services/time';
import Timeline from './timeline';
import './index.scss';

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; result: Fetched<CommitmentDetail> };

async function fetchState(id: string): Promise<State> {
  if (!id) return { phase: 'error', message: '链接里缺少民生实事的编号' };
  try {
    return { phase: 'ready', result: await getCommitment(id) };
  } catch (error) {
    return { phase: 'error', message: error instanceof Error ? error.message : '加载失败' };
  }
}

export default function CommitmentDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [state, setState] = useState<State>({ phase: 'loading' });

  const load = useCallback(() => {
    setState({ phase: 'loading' });
    void fetchState(id).then(setState);
  }, [id]);

  useEffect(() => {
    let current = true;
    void fetchState(id).then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [id]);

  usePullDownRefresh(() => {
    void fetchState(id)
      .then((next) => {
        // A failed refresh keeps the page on screen and says why.
        if (next.phase === 'error' && state.phase === 'ready') {
          void Taro.showToast({ title: next.message, icon: 'none' });
        } else setState(next);
      })
      .finally(() => Taro.stopPullDownRefresh());
  });

  const commitment = state.phase === 'ready' ? state.result.data : null;
  const shareContent = useMemo(
    () =>
      commitment
        ? {
            title: `${commitment.title}：${formatDelivered(commitment)}（${statusName(commitment.status)}）`,
            path: commitmentDetailPath(commitment.id),
          }
        : null,
    [commitment],
  );
  const share = useShare(shareContent);

  if (state.phase === 'loading') {
    return (
      <AppPage className="detail-page">
        <View className="app-section" ariaRole="status" ariaLabel="正在加载" data-testid="loading">
          <Skeleton rows={6} animated />
        </View>
      </AppPage>
    );
  }
  if (state.phase === 'error' || !commitment) {
    return (
      <AppPage className="detail-page">
        <ErrorState message={state.phase === 'error' ? state.message : ''} onRetry={load} />
      </AppPage>
    );
  }

  const { offline, savedAt } = state.result;
  const status = COMMITMENT_STATUSES.find((s) => s.code === commitment.status)!;
  const baseline = formatBaseline(commitment.baseline2019);
  const percent = commitment.progress.percent;

  return (
    <AppPage className="detail-page">
      {offline ? <OfflineBanner savedAt={savedAt} /> : null}

      <View className="app-section detail-head">
        <View className="detail-head__tags">
          <Text className="detail-head__category">{categoryName(commitment.category)}</Text>
          <CommitmentStatusTag status={commitment.status} />
        </View>
        <Text className="detail-head__title">{commitment.title}</Text>
        <View className="detail-head__figures">
          <Text className="detail-head__delivered">{formatDelivered(commitment)}</Text>
          <Text className="detail-head__percent">进度 {percent}%</Text>
        </View>
        <Progress
          percent={percent}
          strokeWidth="10"
          color={`var(--status-${commitment.status.replace('_', '-')})`}
          background="#e8eaed"
        />
        <View className="detail-head__facts">
          {commitment.target ? <Text>目标：{formatTarget(commitment.target)}</Text> : null}
          <Text>完成时限：{formatDate(commitment.deadline)}</Text>
          <Text>最近进展：{commitment.updatedAt ? fromNow(commitment.updatedAt) : '尚未更新'}</Text>
        </View>
        <View
          className={`detail-status detail-status--${status.code}`}
          data-testid="status-meaning"
        >
          <Text className="detail-status__name">状态：{status.name}</Text>
          <Text>{status.meaning}</Text>
        </View>
      </View>

      <View className="app-section">
        <Text className="app-section__title">报告原文</Text>
        <View className="detail-quote" ariaRole="blockquote">
          <Text className="detail-quote__text">“{commitment.quote}”</Text>
          <Text className="detail-quote__source">
            —— {SOURCE_REPORT} · {commitment.section}
          </Text>
        </View>
        {baseline && commitment.baseline2019 ? (
          <View className="detail-baseline">
            <Text className="detail-baseline__figure">{baseline}</Text>
            <Text className="app-muted">报告回顾：“{commitment.baseline2019.quote}”</Text>
          </View>
        ) : null}
      </View>

      <View className="app-section">
        <Text className="app-section__title">进展记录</Text>
        <Timeline updates={commitment.updates} target={commitment.target} />
      </View>

      <View className="detail-actions">
        <Button
          className="detail-actions__button"
          type="primary"
          onClick={() =>
            void Taro.navigateTo({
              url: `/pages/request-form/index?commitmentId=${encodeURIComponent(commitment.id)}`,
            })
          }
        >
          反映问题
        </Button>
        <Button className="detail-actions__button" fill="outline" {...share.buttonProps}>
          {share.label}
        </Button>
      </View>
    </AppPage>
  );
}
