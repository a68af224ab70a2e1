import { View } from '@tarojs/components';

export default function RequestDetailPage() {
  return <View>诉求详情</View>;
}
