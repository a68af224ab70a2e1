import { View } from '@tarojs/components';

export default function PostUpdatePage() {
  return <View>上报进展</View>;
}
