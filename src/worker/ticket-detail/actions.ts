import { canMoveTicket, type TicketStatus } from '@/domain/ticket';

/** The buttons of a request, each one move of the state machine; which show is canMoveTicket's call. */
export interface TicketAction {
  key: 'dispatch' | 'start' | 'reply' | 'resolve';
  label: string;
  /** The status the event records; a reply keeps the current one. */
  to: (from: TicketStatus) => TicketStatus;
  placeholder: string;
}

export const TICKET_ACTIONS: TicketAction[] = [
  {
    key: 'dispatch',
    label: '派单',
    to: () => 'dispatched',
    placeholder: '派给谁办理，例如：已派至建设路街道城管科',
  },
  {
    key: 'start',
    label: '开始办理',
    to: () => 'in_progress',
    placeholder: '办理安排，例如：已联系维修队，明天上午到现场',
  },
  {
    key: 'reply',
    label: '回复',
    to: (from) => from,
    placeholder: '给市民的答复或进度说明',
  },
  {
    key: 'resolve',
    label: '办结',
    to: () => 'resolved',
    placeholder: '办理结果，例如：路灯已更换，当晚恢复照明',
  },
];

export function availableActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => {
    const to = action.to(status);
    // Only 回复 stays put; 派单 on a dispatched request would just be a reply under another name.
    const moves = action.key === 'reply' ? to === status : to !== status;
    return moves && canMoveTicket(status, to);
  });
}
