import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

export default function HomePage() {
  return (
    <View className="index-page">
      <Empty title="首页" description="这里将显示民生实事的总体进展" />
    </View>
  );
}
