import { Text, View } from '@tarojs/components';
import { Button, Progress } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { COMMITMENTS_TAB, MY_REQUESTS_PAGE, REQUESTS_TAB } from '@/app-paths';
import { OfflineBanner } from '@/components/state-views';
import type { Stats } from '@/domain/stats';
import { COMMITMENT_STATUSES } from '@/domain/status';
import type { Fetched } from '@/services/cache';
import { formatDateTime } from '@/services/time';

const ENTRIES = [
  { text: '我的诉求', open: () => void Taro.navigateTo({ url: MY_REQUESTS_PAGE }) },
  { text: '查看全部民生实事', open: () => void Taro.switchTab({ url: COMMITMENTS_TAB }) },
];

/**
 * 首页 in 长辈模式: only the essentials, one under the other — how far the promises have come, in words and one
 * bar; a big 我要反映问题; 我的诉求; and the way to the full list.
 */
export default function ElderHome({ stats }: { stats: Fetched<Stats> }) {
  const { data, offline, savedAt } = stats;
  const { commitments } = data;
  const counts = COMMITMENT_STATUSES.filter((s) => commitments.counts[s.code] > 0);
  return (
    <View className="elder-home">
      {offline ? (
        <OfflineBanner savedAt={savedAt} />
      ) : (
        <Text className="home-asof app-muted">数据截至 {formatDateTime(data.asOf)}</Text>
      )}
      <View className="app-section elder-home__overall">
        <Text className="app-section__title">{commitments.total} 项民生实事</Text>
        <Text className="elder-home__percent">平均进度 {commitments.averagePercent}%</Text>
        <Progress
          percent={commitments.averagePercent}
          strokeWidth="12"
          color="var(--nutui-color-primary)"
          background="#e8eaed"
        />
        <View className="elder-home__counts">
          {counts.map((s) => (
            <Text key={s.code} className="elder-home__count">
              {s.name} {commitments.counts[s.code]} 项
            </Text>
          ))}
        </View>
      </View>
      <Button
        className="elder-home__report"
        type="primary"
        block
        onClick={() => void Taro.switchTab({ url: REQUESTS_TAB })}
      >
        我要反映问题
      </Button>
      {ENTRIES.map(({ text, open }) => (
        <Button key={text} className="elder-home__entry" fill="outline" block onClick={open}>
          {text}
        </Button>
      ))}
    </View>
  );
}
