import { View } from '@tarojs/components';

export default function WorkerTicketDetailPage() {
  return <View>工单详情</View>;
}
