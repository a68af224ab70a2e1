import { View, Text } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import AppPage from '@/components/app-page';
import ElderSwitch from './elder-switch';
import './index.scss';

const ENTRIES = [
  { title: '我的诉求', description: '查看我反映的问题和办理进度', url: '/pages/my-requests/index' },
  {
    title: '工作人员登录',
    description: '社区工作者上报进展、办理诉求',
    url: '/worker/login/index',
  },
  { title: '关于本程序', description: '数据来源和状态是怎么判断的', url: '/pages/about/index' },
];

export default function MinePage() {
  return (
    <AppPage className="me-page">
      <View className="me-header">
        <Text className="me-header__title">民生实事 · 鹰城</Text>
        <Text className="app-muted">看得见的民生承诺，找得到的办事渠道</Text>
      </View>
      <ElderSwitch />
      <Cell.Group className="me-entries">
        {ENTRIES.map((entry) => (
          <Cell
            key={entry.url}
            className="me-entry"
            title={<Text className="me-entry__title">{entry.title}</Text>}
            description={<Text className="me-entry__description">{entry.description}</Text>}
            extra={<Text className="me-entry__arrow">›</Text>}
            align="center"
            clickable
            onClick={() => void Taro.navigateTo({ url: entry.url })}
          />
        ))}
      </Cell.Group>
    </AppPage>
  );
}
