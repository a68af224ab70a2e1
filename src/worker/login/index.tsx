import { View } from '@tarojs/components';

export default function WorkerLoginPage() {
  return <View>工作人员登录</View>;
}
