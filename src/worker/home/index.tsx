import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { EXPORTS_PAGE, PROGRESS_IMPORT_PAGE } from '@/app-paths';
import AppPage from '@/components/app-page';
import { useResource } from '@/hooks/use-resource';
import { currentSession, LOGIN_PAGE, logout } from '@/services/auth';
import { listTicketQueue } from '@/services/worker';
import { describeStaff, useStaffSession } from '../session';
import '../worker.scss';
import './index.scss';

interface QueueFigures {
  open: number;
  overdue: number;
}

/** Open requests in the worker's queue and how many are past due. */
async function loadFigures(): Promise<QueueFigures> {
  const [received, dispatched, inProgress, overdue] = await Promise.all([
    listTicketQueue({ status: 'received' }, null, 1),
    listTicketQueue({ status: 'dispatched' }, null, 1),
    listTicketQueue({ status: 'in_progress' }, null, 1),
    listTicketQueue({ overdue: true }, null, 1),
  ]);
  return { open: received.total + dispatched.total + inProgress.total, overdue: overdue.total };
}

export default function WorkerHomePage() {
  const session = useStaffSession();
  // Counted again on every return from the queue; without them the entry says what it is for.
  const figures = useResource(session ? loadFigures : null, {
    refreshOnShow: () => currentSession() !== null,
  }).data;
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    await logout();
    await Taro.redirectTo({ url: LOGIN_PAGE });
  }

  if (!session) return <AppPage />;
  const { worker } = session;

  return (
    <AppPage className="worker-home">
      <View className="app-section worker-home__who">
        <Text className="worker-home__name">{worker.name}</Text>
        <Text className="app-muted">{describeStaff(worker)}</Text>
        <Text className="app-muted">账号：{worker.username}</Text>
      </View>

      <View className="app-section worker-home__entries">
        <Cell.Group>
          <Cell
            className="worker-home__entry"
            title="上报进展"
            description="完成数、说明和现场照片"
            extra="去上报"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/worker/post-update/index' })}
          />
          <Cell
            className="worker-home__entry"
            title="诉求工单"
            description={
              figures
                ? `待办 ${figures.open} 件${figures.overdue ? `，已超期 ${figures.overdue} 件` : ''}`
                : worker.role === 'admin'
                  ? '全市的市民诉求：派单、办理、回复、办结'
                  : `${worker.district ?? ''}的市民诉求：派单、办理、回复、办结`
            }
            extra="去办理"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/worker/tickets/index' })}
          />
          {worker.role === 'admin' ? (
            <Cell
              className="worker-home__entry"
              title="批量导入进展"
              description="各部门的月度进展表（CSV），先检查再导入"
              extra="去导入"
              clickable
              onClick={() => void Taro.navigateTo({ url: PROGRESS_IMPORT_PAGE })}
            />
          ) : null}
          <Cell
            className="worker-home__entry"
            title="导出数据"
            description="民生实事进展表、诉求明细（CSV，Excel 可打开）"
            extra="去导出"
            clickable
            onClick={() => void Taro.navigateTo({ url: EXPORTS_PAGE })}
          />
        </Cell.Group>
      </View>

      <Button
        className="worker-home__logout"
        block
        fill="outline"
        loading={signingOut}
        onClick={() => void signOut()}
      >
        退出登录
      </Button>
    </AppPage>
  );
}
