import { render, screen, within } from '@testing-library/react';
import { getTicketNotifications } from '@/services/worker';
import Notices from '@/worker/ticket-detail/notices';

jest.mock('@/services/worker', () => ({ getTicketNotifications: jest.fn() }));
const notifications = getTicketNotifications as jest.MockedFunction<typeof getTicketNotifications>;

describe('微信通知 on a request staff handle', () => {
  it('shows whether the citizen was told of each move', async () => {
    notifications.mockResolvedValue({
      waitingGrants: 1,
      items: [
        {
          status: 'in_progress',
          note: '正在维修',
          state: 'refused',
          queuedAt: '2026-11-27T02:00:00.000Z',
          sentAt: null,
        },
        {
          status: 'dispatched',
          note: '已派单',
          state: 'sent',
          queuedAt: '2026-11-26T02:00:00.000Z',
          sentAt: '2026-11-26T02:00:03.000Z',
        },
      ],
    });
    render(<Notices ticketNo="PDS20261126-4821" />);
    const section = await screen.findByTestId('notices');
    expect(within(section).getByText('办理中 · 市民已拒收')).toBeVisible();
    expect(within(section).getByText('已派单 · 已通知')).toBeVisible();
    expect(within(section).getByText(/下一步办理时会通过微信通知市民/)).toBeVisible();
    expect(notifications).toHaveBeenCalledWith('PDS20261126-4821');
  });

  it('says when the citizen asked for no notices', async () => {
    notifications.mockResolvedValue({ waitingGrants: 0, items: [] });
    render(<Notices ticketNo="PDS20261126-4821" />);
    expect(await screen.findByText(/市民没有订阅办理进度通知/)).toBeVisible();
  });
});
