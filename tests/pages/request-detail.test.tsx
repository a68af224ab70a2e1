import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestDetailPage from '@/pages/request-detail';
import { ApiError } from '@/services/http';
import { getTicketKept } from '@/services/tickets';
import { pullDown } from '../support/taro';
import { ticket } from '../support/resident-fixtures';

jest.mock('@/services/tickets', () => ({
  findStoredTicket: jest.fn(() => ({
    ticketNo: 'PDS20261120-1111',
    accessToken: 't1',
    createdAt: '2026-11-20T02:00:00.000Z',
  })),
  getTicketKept: jest.fn(),
  rateTicket: jest.fn(),
}));
const kept = getTicketKept as jest.MockedFunction<typeof getTicketKept>;

const TICKET = ticket({ createdAt: '2026-11-20T02:00:00.000Z', dueAt: '2099-11-27T02:00:00.000Z' });

beforeEach(() => {
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({
    router: { params: { no: TICKET.ticketNo } },
  } as unknown as ReturnType<typeof Taro.getCurrentInstance>);
});
afterEach(() => jest.restoreAllMocks());

describe('a request followed by its submitter', () => {
  it('keeps the request on screen and says why when a pull-down refresh fails', async () => {
    kept.mockResolvedValueOnce({ data: TICKET, offline: false, savedAt: TICKET.createdAt });
    render(<RequestDetailPage />);
    expect(await screen.findByText(TICKET.content)).toBeVisible();

    const toast = jest.spyOn(Taro, 'showToast');
    kept.mockRejectedValueOnce(new ApiError('internal_error', '服务器开小差了，请稍后再试', 500));
    await act(async () => pullDown());
    expect(screen.getByText(TICKET.content)).toBeVisible();
    expect(toast).toHaveBeenCalledWith({ title: '服务器开小差了，请稍后再试', icon: 'none' });
  });
});
