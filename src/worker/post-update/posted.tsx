import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { commitmentDetailPath } from '@/app-paths';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import type { Commitment, CommitmentDetail, CommitmentUpdate } from '@/domain/commitment';
import { formatDelivered } from '@/domain/display';
import { commitmentStatusName } from '@/domain/status';
import { useShare } from '@/services/share';

export interface PostedUpdate {
  update: CommitmentUpdate;
  /** The commitment as it stands now; null when it could not be fetched again. */
  after: CommitmentDetail | null;
}

export interface PostedProps {
  commitment: Commitment;
  posted: PostedUpdate;
  onAnother: () => void;
}

/** After 提交进展: the new progress as residents now see it, and a card to share. */
export default function Posted({ commitment, posted, onAnother }: PostedProps) {
  const { update, after } = posted;
  const share = useShare({
    title: `${commitment.title}：进度 ${update.percent}%${after ? `（${commitmentStatusName(after.status)}）` : ''}`,
    path: commitmentDetailPath(commitment.id),
  });

  return (
    <>
      <View className="app-section post-update__done" ariaRole="status">
        <Text className="post-update__done-title">已上报</Text>
        <Text className="post-update__title">{commitment.title}</Text>
        <View className="post-update__progress">
          <Text className="post-update__percent">进度 {update.percent}%</Text>
          {after ? <CommitmentStatusTag status={after.status} /> : null}
        </View>
        {after ? <Text className="app-muted">{formatDelivered(after)}</Text> : null}
        <Text className="post-update__note">{update.note}</Text>
        <Text className="app-muted">市民打开这项民生实事，马上能看到这条进展。</Text>
      </View>
      <View className="worker-actions">
        <Button type="primary" {...share.buttonProps}>
          {share.label}
        </Button>
        <Button
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: commitmentDetailPath(commitment.id) })}
        >
          查看公开页面
        </Button>
        <Button fill="outline" onClick={onAnother}>
          再报一条
        </Button>
        <Button fill="outline" onClick={() => void Taro.navigateBack()}>
          返回工作台
        </Button>
      </View>
    </>
  );
}
