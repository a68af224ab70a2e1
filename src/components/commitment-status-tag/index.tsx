import { Tag } from '@nutui/nutui-react-taro';
import { commitmentStatusName, type CommitmentStatus } from '@/domain/status';
import './index.scss';

/** A commitment's status as a coloured tag that always carries its name: colour is never the only signal. */
export default function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  return (
    <Tag className={`commitment-status-tag commitment-status-tag--${status}`} plain>
      {commitmentStatusName(status)}
    </Tag>
  );
}
