import { Text, View } from '@tarojs/components';
import { useSampleData } from '@/services/meta';
import './index.scss';

/**
 * On every page while the server holds generated sample data (`npm run seed`, `GET /api/meta` says so): nobody
 * should take its figures for the city's.
 */
export default function SampleNotice() {
  if (!useSampleData()) return null;
  return (
    <View
      className="sample-notice"
      ariaRole="note"
      ariaLabel="示例数据"
      data-testid="sample-notice"
    >
      <Text className="sample-notice__tag">示例数据</Text>
      <Text className="sample-notice__text">
        这里的诉求、进展和统计数字是程序生成的演示数据，不是真实情况。
      </Text>
    </View>
  );
}
