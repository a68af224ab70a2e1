import { View } from '@tarojs/components';

export default function RequestFormPage() {
  return <View>反映问题</View>;
}
