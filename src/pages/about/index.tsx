import { View } from '@tarojs/components';

export default function AboutPage() {
  return <View>关于</View>;
}
