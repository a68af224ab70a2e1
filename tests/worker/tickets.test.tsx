import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Page } from '@/domain/commitment';
import type { Ticket } from '@/domain/ticket';
import { listTicketQueue } from '@/services/worker';
import WorkerTicketsPage from '@/worker/tickets';
import { ticket } from '../support/resident-fixtures';
import { showPages } from '../support/taro';
import { signIn } from '../support/worker-fixtures';

jest.mock('@/services/worker', () => ({ listTicketQueue: jest.fn() }));
const queue = listTicketQueue as jest.MockedFunction<typeof listTicketQueue>;

const page = (...ticketNos: string[]): Page<Ticket> => ({
  items: ticketNos.map((ticketNo) => ticket({ ticketNo })),
  nextCursor: null,
  total: ticketNos.length,
});

beforeEach(() => queue.mockReset());
afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
});

describe("the worker's request queue", () => {
  it('lists the requests of the district with their number', async () => {
    signIn();
    queue.mockResolvedValue(page('PDS20261120-0001', 'PDS20261120-0002'));
    render(<WorkerTicketsPage />);
    expect(await screen.findAllByTestId('ticket-item')).toHaveLength(2);
    expect(screen.getByText(/新华区的诉求 · 共 2 件/)).toBeVisible();
    expect(queue).toHaveBeenCalledWith({ status: undefined, overdue: false }, null);
  });

  it('starts a new tab from skeletons and asks for its status', async () => {
    signIn();
    queue.mockResolvedValueOnce(page('PDS20261120-0001'));
    render(<WorkerTicketsPage />);
    await screen.findAllByTestId('ticket-item');
    queue.mockReturnValueOnce(new Promise(() => undefined));
    fireEvent.click(screen.getByText('已受理', { selector: '.nut-tabs-titles-item-text' }));
    expect(await screen.findByTestId('loading')).toBeVisible();
    expect(screen.queryByTestId('ticket-item')).toBeNull();
    expect(queue).toHaveBeenLastCalledWith({ status: 'received', overdue: false }, null);
  });

  it('refreshes on return from a request without blanking the list', async () => {
    signIn();
    queue.mockResolvedValueOnce(page('PDS20261120-0001', 'PDS20261120-0002'));
    render(<WorkerTicketsPage />);
    await screen.findAllByTestId('ticket-item');
    let answer!: (value: Page<Ticket>) => void;
    queue.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    act(() => showPages());
    expect(queue).toHaveBeenCalledTimes(2);
    expect(screen.getAllByTestId('ticket-item')).toHaveLength(2);
    expect(screen.queryByTestId('loading')).toBeNull();
    await act(async () => answer(page('PDS20261120-0002')));
    expect(screen.getAllByTestId('ticket-item')).toHaveLength(1);
  });

  it('makes no staff call without a session', async () => {
    const redirect = jest.spyOn(Taro, 'redirectTo');
    render(<WorkerTicketsPage />);
    await act(async () => showPages());
    expect(redirect).toHaveBeenCalledWith({ url: '/worker/login/index' });
    expect(queue).not.toHaveBeenCalled();
  });
});
