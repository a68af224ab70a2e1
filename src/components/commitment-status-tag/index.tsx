import { Tag } from '@nutui/nutui-react-taro';
import { statusName, type CommitmentStatus } from '@/domain/status';
import './index.scss';

/** A commitment's status as a coloured tag that always carries its name: colour is never the only signal. */
export default function StatusTag({ status }: { status: CommitmentStatus }) {
  return (
    <Tag className={`status-tag status-tag--${status}`} plain>
      {statusName(status)}
    </Tag>
  );
}
