import { View } from '@tarojs/components';

export default function WorkerTicketsPage() {
  return <View>诉求工单</View>;
}
