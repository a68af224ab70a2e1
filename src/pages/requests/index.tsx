import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import AppPage from '@/components/app-page';
import RequestForm from '@/components/request-form';
import { listOutbox, subscribeOutbox } from '@/services/outbox';
import { listStoredTickets } from '@/services/tickets';
import './index.scss';

function countMine(): number {
  return listOutbox().length + listStoredTickets().length;
}

/** The 民呼必应 tab: file a request in a minute, and find the ones filed before. */
export default function RequestsPage() {
  const [mine, setMine] = useState(countMine);
  useDidShow(() => setMine(countMine()));
  useEffect(() => subscribeOutbox(() => setMine(countMine())), []);

  return (
    <AppPage className="requests-page">
      <View className="requests-page__intro">
        <Text className="requests-page__title">有事您说，我们来办</Text>
        <Text className="app-muted">
          路灯不亮、下水道堵了、孩子上学的问题……填好提交，会给您一个受理编号，可以随时查看办到哪一步了。
        </Text>
      </View>
      <Cell
        className="requests-page__mine"
        title="我的诉求"
        extra={mine > 0 ? `${mine} 件 ›` : '查看 ›'}
        clickable
        onClick={() => void Taro.navigateTo({ url: '/pages/my-requests/index' })}
      />
      <RequestForm />
    </AppPage>
  );
}
