import { Tag } from '@nutui/nutui-react-taro';
import { ticketStatusName, type TicketStatus } from '@/domain/ticket';
import './index.scss';

/** A request's status as a coloured tag that always says it in words; 待发送 for one still on the phone. */
export default function TicketStatusTag({
  status,
}: {
  status: TicketStatus | 'queued' | 'refused';
}) {
  const name =
    status === 'queued' ? '待发送' : status === 'refused' ? '未能提交' : ticketStatusName(status);
  return (
    <Tag className={`ticket-status-tag ticket-status-tag--${status}`} plain>
      {name}
    </Tag>
  );
}
