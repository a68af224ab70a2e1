import { View } from '@tarojs/components';

export default function WorkerHomePage() {
  return <View>工作台</View>;
}
