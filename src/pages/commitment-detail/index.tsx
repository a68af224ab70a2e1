import { View, Text } from '@tarojs/components';
import { Button, Progress, Skeleton } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useMemo } from 'react';
import { commitmentDetailPath, requestFormPath } from '@/app-paths';
import { commitmentCategoryName } from '@/domain/commitment';
import {
  formatBaseline,
  formatDelivered,
  showsProgress,
  SOURCE_REPORT,
  verdictDetail,
} from '@/domain/display';
import { formatTarget } from '@/domain/progress';
import { COMMITMENT_STATUSES, commitmentStatusName, isVerdict } from '@/domain/status';
import AppPage from '@/components/app-page';
import CommitmentStatusTag, { statusColor } from '@/components/commitment-status-tag';
import { ErrorState, OfflineBanner } from '@/components/state-views';
import { useResource } from '@/hooks/use-resource';
import { getCommitment } from '@/services/commitments';
import { useShare } from '@/services/share';
import { formatDate, fromNow } from '@/services/time';
import Timeline from './timeline';
import './index.scss';

export default function CommitmentDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const load = useCallback(
    () => (id ? getCommitment(id) : Promise.reject(new Error('链接里缺少民生实事的编号'))),
    [id],
  );
  const resource = useResource(load);

  const commitment = resource.data?.data ?? null;
  const shareContent = useMemo(
    () =>
      commitment
        ? {
            title: `${commitment.title}：${formatDelivered(commitment)}（${commitmentStatusName(commitment.status)}）`,
            path: commitmentDetailPath(commitment.id),
          }
        : null,
    [commitment],
  );
  const share = useShare(shareContent);

  if (resource.status === 'loading') {
    return (
      <AppPage className="detail-page">
        <View className="app-section" ariaRole="status" ariaLabel="正在加载" data-testid="loading">
          <Skeleton rows={6} animated />
        </View>
      </AppPage>
    );
  }
  if (!resource.data || !commitment) {
    return (
      <AppPage className="detail-page">
        <ErrorState message={resource.error} onRetry={resource.reload} />
      </AppPage>
    );
  }

  const { offline, savedAt } = resource.data;
  const status = COMMITMENT_STATUSES.find((s) => s.code === commitment.status)!;
  const baseline = formatBaseline(commitment.baseline2019);
  const percent = commitment.progress.percent;
  const detail = verdictDetail(commitment);

  return (
    <AppPage className="detail-page">
      {offline ? <OfflineBanner savedAt={savedAt} /> : null}

      <View className="app-section detail-head">
        <View className="detail-head__tags">
          <Text className="detail-head__category">
            {commitmentCategoryName(commitment.category)}
          </Text>
          <CommitmentStatusTag status={commitment.status} />
        </View>
        <Text className="detail-head__title">{commitment.title}</Text>
        {showsProgress(commitment) ? (
          <>
            <View className="detail-head__figures">
              <Text className="detail-head__delivered">{formatDelivered(commitment)}</Text>
              <Text className="detail-head__percent">进度 {percent}%</Text>
            </View>
            <Progress
              percent={percent}
              strokeWidth="10"
              color={statusColor(commitment.status)}
              background="#e8eaed"
            />
          </>
        ) : null}
        <View className="detail-head__facts">
          {commitment.target ? <Text>目标：{formatTarget(commitment.target)}</Text> : null}
          <Text>完成时限：{formatDate(commitment.deadline)}</Text>
          <Text>最近进展：{commitment.updatedAt ? fromNow(commitment.updatedAt) : '尚未更新'}</Text>
        </View>
        <View
          className={`detail-status detail-status--${status.code}`}
          data-testid="status-meaning"
        >
          <Text className="detail-status__name">
            {isVerdict(status.code) ? '结果' : '状态'}：{status.name}
          </Text>
          {detail ? <Text className="detail-status__detail">{detail}</Text> : null}
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
              url: requestFormPath(commitment.id),
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
