import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

export default function RequestsPage() {
  return (
    <View className="requests-page">
      <Empty title="民呼必应" description="这里可以提交诉求并查看办理进度" />
    </View>
  );
}
