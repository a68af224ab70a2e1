import { View, Text } from '@tarojs/components';
import { CircleProgress, Grid, Progress } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { COMMITMENTS_TAB, commitmentDetailPath } from '@/app-paths';
import type { Commitment } from '@/domain/commitment';
import { formatCount, formatHours, formatRate, SOURCE_REPORT } from '@/domain/display';
import { completedCount, verdictCount, type Stats } from '@/domain/stats';
import { COMMITMENT_STATUSES } from '@/domain/status';
import AppPage from '@/components/app-page';
import { FOCUSABLE } from '@/components/focusable';
import CommitmentCard from '@/components/commitment-card';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import { ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import { useResource } from '@/hooks/use-resource';
import type { Fetched } from '@/services/cache';
import { listAllCommitments } from '@/services/commitments';
import { useElderMode } from '@/services/elder-mode';
import { setPendingFilter, type PendingFilter } from '@/services/pending-filter';
import { getStats } from '@/services/stats';
import { formatDateTime } from '@/services/time';
import ElderHome from './elder-home';
import FiguresLink from './figures-link';
import Scorecard from './scorecard';
import './index.scss';

interface Overview {
  stats: Fetched<Stats>;
  /** null when the list could not be loaded (the figures could). */
  recent: Commitment[] | null;
}

const RECENT_COUNT = 5;

function mostRecent(commitments: Commitment[]): Commitment[] {
  return commitments
    .filter((c) => c.updatedAt !== null)
    .sort((a, b) => (a.updatedAt! < b.updatedAt! ? 1 : -1))
    .slice(0, RECENT_COUNT);
}

const openDetail = (id: string) => void Taro.navigateTo({ url: commitmentDetailPath(id) });

function openList(filter: PendingFilter) {
  setPendingFilter(filter);
  void Taro.switchTab({ url: COMMITMENTS_TAB });
}

async function loadOverview(): Promise<Overview> {
  const [stats, all] = await Promise.all([getStats(), listAllCommitments().catch(() => null)]);
  return { stats, recent: all ? mostRecent(all.data) : null };
}

export default function HomePage() {
  const overview = useResource(loadOverview);
  const elder = useElderMode();
  return (
    <AppPage className="index-page">
      {overview.data && elder ? (
        <ElderHome stats={overview.data.stats} />
      ) : overview.data ? (
        <OverviewBody overview={overview.data} />
      ) : overview.status === 'error' ? (
        <ErrorState message={overview.error} onRetry={overview.reload} />
      ) : (
        <LoadingCards count={3} />
      )}
      {overview.data ? <FiguresLink /> : null}
    </AppPage>
  );
}

function OverviewBody({ overview }: { overview: Overview }) {
  const { data: stats, offline, savedAt } = overview.stats;
  const { commitments, tickets } = stats;
  const yearOver = verdictCount(commitments.counts) > 0;
  return (
    <View>
      {/* Offline, the banner gives the time of the kept figures. */}
      {offline ? (
        <OfflineBanner savedAt={savedAt} />
      ) : (
        <Text className="home-asof app-muted" data-testid="as-of">
          数据截至 {formatDateTime(stats.asOf)}
        </Text>
      )}

      {yearOver ? <Scorecard commitments={commitments} onOpen={openList} /> : null}

      <View className="app-section home-overall">
        <Text className="app-section__title">总体进展 · {commitments.total} 项民生实事</Text>
        <View className="home-overall__body">
          <CircleProgress
            percent={commitments.averagePercent}
            radius={56}
            strokeWidth={10}
            color="var(--nutui-color-primary)"
            background="#e8eaed"
          >
            {/* Read as one picture named 平均进度 56%, not as its two texts in the order they are drawn. */}
            <View
              className="home-overall__ring-text"
              ariaRole="img"
              ariaLabel={`平均进度 ${commitments.averagePercent}%`}
            >
              <Text className="home-overall__ring-number">{commitments.averagePercent}%</Text>
              <Text className="home-overall__ring-label">平均进度</Text>
            </View>
          </CircleProgress>
          <View className="home-overall__counts">
            {/* Once there are verdicts, the scorecard above counts them. */}
            {[...COMMITMENT_STATUSES]
              .reverse()
              .filter((s) => !s.verdict && !yearOver)
              .map((s) => (
                <View key={s.code} className="home-overall__count" data-testid={`count-${s.code}`}>
                  <CommitmentStatusTag status={s.code} />
                  <Text className="home-overall__count-number">
                    {commitments.counts[s.code]} 项
                  </Text>
                </View>
              ))}
          </View>
        </View>
      </View>

      <View className="app-section">
        <Text className="app-section__title">分类进展</Text>
        <Grid columns={2} gap={8} square={false} center={false} className="home-categories">
          {commitments.byCategory.map((c) => (
            <Grid.Item
              key={c.category}
              className="home-category"
              onClick={() => openList({ category: c.category })}
              text={
                <View className="home-category__body" ariaRole="button" {...FOCUSABLE}>
                  <Text className="home-category__name">{c.name}</Text>
                  <Text className="home-category__figure">
                    {c.total} 项 · 平均 {c.averagePercent}%
                  </Text>
                  <Progress
                    percent={c.averagePercent}
                    strokeWidth="6"
                    color="var(--nutui-color-primary)"
                    background="#e8eaed"
                  />
                  <Text className="home-category__done">已完成 {completedCount(c.counts)} 项</Text>
                </View>
              }
            />
          ))}
        </Grid>
      </View>

      <View className="home-recent">
        <Text className="app-section__title">最近更新</Text>
        {overview.recent === null ? (
          <View className="app-section" ariaRole="alert">
            <Text className="app-muted">最近更新没有加载出来，请下拉刷新重试。</Text>
          </View>
        ) : overview.recent.length === 0 ? (
          <View className="app-section">
            <Text className="app-muted">还没有进展更新。各项实事上报进展后，会显示在这里。</Text>
          </View>
        ) : (
          overview.recent.map((c) => (
            <CommitmentCard key={c.id} commitment={c} onOpen={openDetail} />
          ))
        )}
      </View>

      <View className="app-section home-tickets" data-testid="tickets">
        <Text className="app-section__title">民呼必应</Text>
        <View className="home-tickets__grid">
          {[
            ['收到诉求', formatCount(tickets.total)],
            ['正在办理', formatCount(tickets.open)],
            ['已办结', formatCount(tickets.resolved)],
            ['办结率', formatRate(tickets.closureRate)],
            ['满意率', formatRate(tickets.satisfactionRate)],
            ['办结用时（中位）', formatHours(tickets.medianHoursToResolve)],
          ].map(([label, value]) => (
            <View key={label} className="home-tickets__cell">
              <Text className="home-tickets__value">{value}</Text>
              <Text className="home-tickets__label">{label}</Text>
            </View>
          ))}
        </View>
      </View>

      <Text className="home-source app-muted">数据来源：{SOURCE_REPORT}，进展由各责任单位上报</Text>
    </View>
  );
}
