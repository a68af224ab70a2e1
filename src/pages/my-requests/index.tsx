import { View } from '@tarojs/components';

export default function MyRequestsPage() {
  return <View>我的诉求</View>;
}
