import { Text, View } from '@tarojs/components';
import AppPage from '@/components/app-page';
import { ErrorState, LoadingCards, OfflineBanner } from '@/components/state-views';
import { SOURCE_REPORT } from '@/domain/display';
import { useResource } from '@/hooks/use-resource';
import { getFigures } from '@/services/figures';
import { formatDateTime } from '@/services/time';
import { Closure, Completion, Districts, Satisfaction, Weekly } from '../sections';
import '../figures.scss';

/** 数据: completion by category, and the requests by week, month and district, each chart with its figures as text. */
export default function FiguresPage() {
  const figures = useResource(getFigures);
  if (figures.status === 'error') {
    return (
      <AppPage className="figures-page">
        <ErrorState message={figures.error} onRetry={figures.reload} />
      </AppPage>
    );
  }
  if (!figures.data) {
    return (
      <AppPage className="figures-page">
        <LoadingCards count={3} />
      </AppPage>
    );
  }
  const { data, offline, savedAt } = figures.data;
  return (
    <AppPage className="figures-page">
      {offline ? (
        <OfflineBanner savedAt={savedAt} />
      ) : (
        <Text className="figures-page__as-of app-muted">数据截至 {formatDateTime(data.asOf)}</Text>
      )}
      <Completion figures={data} />
      <Weekly figures={data} />
      <Closure figures={data} />
      <Satisfaction figures={data} />
      <Districts figures={data} />
      <View className="figures-page__source">
        <Text className="app-muted">
          民生实事进展来自{SOURCE_REPORT}
          各责任单位的上报；诉求数字来自民呼必应，按北京时间的周（周一起）和月统计。
        </Text>
      </View>
    </AppPage>
  );
}
