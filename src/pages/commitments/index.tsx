import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

export default function CommitmentsPage() {
  return (
    <View className="commitments-page">
      <Empty title="民生实事" description="这里将列出 2020 年的各项民生承诺" />
    </View>
  );
}
