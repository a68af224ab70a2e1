import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

export default function MinePage() {
  return (
    <View className="me-page">
      <Empty title="我的" description="这里是我的诉求和工作人员登录" />
    </View>
  );
}
