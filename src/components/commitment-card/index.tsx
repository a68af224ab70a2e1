import { View, Text } from '@tarojs/components';
import { Progress } from '@nutui/nutui-react-taro';
import { memo } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { commitmentCategoryName, type Commitment } from '@/domain/commitment';
import { formatDelivered, showsProgress, verdictDetail } from '@/domain/display';
import { fromNow } from '@/services/time';
import CommitmentStatusTag, { statusColor } from '@/components/commitment-status-tag';
import './index.scss';

export interface CommitmentCardProps {
  commitment: Commitment;
  onOpen: (id: string) => void;
}

function CommitmentCard({ commitment, onOpen }: CommitmentCardProps) {
  const progress = showsProgress(commitment);
  const detail = verdictDetail(commitment);
  const delivered = progress ? formatDelivered(commitment) : null;
  const updated = commitment.updatedAt ? `${fromNow(commitment.updatedAt)}更新` : '尚未更新';
  const percent = commitment.progress.percent;
  return (
    <View
      className="commitment-card"
      data-testid="commitment-card"
      ariaRole="link"
      {...FOCUSABLE}
      onClick={() => onOpen(commitment.id)}
    >
      <View className="commitment-card__head">
        <Text className="commitment-card__category">
          {commitmentCategoryName(commitment.category)}
        </Text>
        <CommitmentStatusTag status={commitment.status} />
      </View>
      <Text className="commitment-card__title">{commitment.title}</Text>
      {progress ? (
        <>
          <View className="commitment-card__figures">
            <Text className="commitment-card__delivered">{delivered}</Text>
            {commitment.target && commitment.target.qualifier !== 'all' ? (
              <Text className="commitment-card__percent">{percent}%</Text>
            ) : null}
          </View>
          <Progress
            className={`commitment-card__bar commitment-card__bar--${commitment.status}`}
            percent={percent}
            strokeWidth="8"
            color={statusColor(commitment.status)}
            background="#e8eaed"
          />
        </>
      ) : null}
      {detail ? <Text className="commitment-card__verdict">{detail}</Text> : null}
      <Text className="commitment-card__updated">{updated}</Text>
    </View>
  );
}

/** Re-renders only when what the card shows changed, not when the list around it does. */
export default memo(
  CommitmentCard,
  (a, b) =>
    a.onOpen === b.onOpen &&
    a.commitment.id === b.commitment.id &&
    a.commitment.updatedAt === b.commitment.updatedAt &&
    a.commitment.status === b.commitment.status &&
    a.commitment.progress.percent === b.commitment.progress.percent &&
    a.commitment.progress.current === b.commitment.progress.current,
);
