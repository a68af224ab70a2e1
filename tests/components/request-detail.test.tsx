import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Ticket } from '@/domain/ticket';
import RequestDetailPage from '@/pages/request-detail';
import { ApiError } from '@/services/http';
import { getTicketKept } from '@/services/tickets';
import { pullDown } from '../support/taro';

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

const TICKET: Ticket = {
  ticketNo: 'PDS20261120-1111',
  category: 'municipal',
  content: '建设路和中兴路口的路灯连续一周晚上不亮',
  district: '新华区',
  address: null,
  commitmentId: null,
  photos: [],
  anonymous: true,
  contactName: null,
  phone: null,
  status: 'dispatched',
  createdAt: '2026-11-20T02:00:00.000Z',
  dueAt: '2099-11-27T02:00:00.000Z',
  resolvedAt: null,
  events: [],
  ratings: [],
};

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
