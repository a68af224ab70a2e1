import { act, render, screen, within } from '@testing-library/react';
import MyRequestsPage from '@/pages/my-requests';
import { listOutbox, subscribeOutbox } from '@/services/outbox';
import { getTicketKept, listStoredTickets } from '@/services/tickets';
import { ticket } from '../support/resident-fixtures';

jest.mock('@/services/outbox', () => ({
  listOutbox: jest.fn(() => []),
  flushOutbox: jest.fn(async () => undefined),
  subscribeOutbox: jest.fn(() => () => undefined),
  removeFromOutbox: jest.fn(),
}));
jest.mock('@/services/tickets', () => ({
  listStoredTickets: jest.fn(() => []),
  getTicketKept: jest.fn(),
}));

const outbox = listOutbox as jest.MockedFunction<typeof listOutbox>;
const storedTickets = listStoredTickets as jest.MockedFunction<typeof listStoredTickets>;
const kept = getTicketKept as jest.MockedFunction<typeof getTicketKept>;
const subscribe = subscribeOutbox as jest.MockedFunction<typeof subscribeOutbox>;

describe('我的诉求', () => {
  it('lists requests still on the phone first as 待发送, then each sent one with its status and due date', async () => {
    outbox.mockReturnValue([
      {
        key: 'k-1',
        input: {
          category: 'environment',
          content: '小区门口的下水道堵了，污水漫到人行道',
          district: '卫东区',
          anonymous: true,
          consent: true,
        },
        queuedAt: '2026-11-26T07:00:00.000Z',
        attempts: 1,
      },
    ]);
    storedTickets.mockReturnValue([
      { ticketNo: 'PDS20261120-1111', accessToken: 't1', createdAt: '2026-11-10T02:00:00.000Z' },
    ]);
    kept.mockResolvedValue({
      data: ticket({}),
      offline: false,
      savedAt: '2026-11-26T07:00:00.000Z',
    });

    render(<MyRequestsPage />);
    const sent = await screen.findByTestId('my-request');
    const [queued] = screen.getAllByTestId('queued-request');
    expect(queued.compareDocumentPosition(sent) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(queued).getByText('待发送')).toBeVisible();
    expect(within(sent).getByText('已派单')).toBeVisible();
    expect(within(sent).getByText('PDS20261120-1111')).toBeVisible();
    expect(within(sent).getByText(/前办结/)).toBeVisible();
    // Due on 11-17 and still open: marked overdue in words.
    expect(within(sent).getByText('已超期')).toBeVisible();
    expect(kept).toHaveBeenCalledWith('PDS20261120-1111', 't1');
  });

  it('shows the latest list when an older load answers last', async () => {
    outbox.mockReturnValue([]);
    const first = {
      ticketNo: 'PDS20261120-1111',
      accessToken: 't1',
      createdAt: '2026-11-10T02:00:00.000Z',
    };
    const delivered = {
      ticketNo: 'PDS20261126-2222',
      accessToken: 't2',
      createdAt: '2026-11-26T02:00:00.000Z',
    };
    storedTickets.mockReturnValue([first]);
    let slow!: (value: Awaited<ReturnType<typeof getTicketKept>>) => void;
    kept.mockReturnValueOnce(new Promise((resolve) => (slow = resolve)));
    let onDelivered!: () => void;
    subscribe.mockImplementationOnce((listener) => {
      onDelivered = listener;
      return () => undefined;
    });
    render(<MyRequestsPage />);

    // A queued request is delivered while the first load still waits.
    storedTickets.mockReturnValue([first, delivered]);
    kept.mockImplementation(async (ticketNo) => ({
      data: ticket({ ticketNo }),
      offline: false,
      savedAt: '2026-11-26T07:00:00.000Z',
    }));
    await act(async () => onDelivered());
    await act(async () =>
      slow({ data: ticket({}), offline: false, savedAt: '2026-11-26T07:00:00.000Z' }),
    );
    expect(screen.getAllByTestId('my-request')).toHaveLength(2);
  });

  it('says what to do when this phone has filed nothing yet', async () => {
    outbox.mockReturnValue([]);
    storedTickets.mockReturnValue([]);
    render(<MyRequestsPage />);
    expect(await screen.findByText('还没有反映过问题')).toBeVisible();
    expect(screen.getByText('去反映问题')).toBeVisible();
  });
});
