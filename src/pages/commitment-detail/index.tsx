import { View } from '@tarojs/components';

export default function CommitmentDetailPage() {
  return <View>民生实事详情</View>;
}
