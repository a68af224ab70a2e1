import { Tag } from '@nutui/nutui-react-taro';
import { commitmentStatusName, type CommitmentStatus } from '@/domain/status';
import './index.scss';

/** The colour of a status, for bars and borders beside its name (app.scss sets one variable per status). */
export function statusColor(status: CommitmentStatus): string {
  return `var(--status-${status.replace(/_/g, '-')})`;
}

/** A commitment's status as a coloured tag that always carries its name: colour is never the only signal. */
export default function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  return (
    <Tag className={`commitment-status-tag commitment-status-tag--${status}`} plain>
      {commitmentStatusName(status)}
    </Tag>
  );
}
