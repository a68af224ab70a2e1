import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Ticket } from '@/domain/ticket';
import { ApiError } from '@/services/http';
import { addTicketEvent, getStaffTicket } from '@/services/worker';
import WorkerTicketDetailPage from '@/worker/ticket-detail';
import { field, routeParams, SESSION, tap, type } from '../support/worker-fixtures';

jest.mock('@/services/worker', () => ({ getStaffTicket: jest.fn(), addTicketEvent: jest.fn() }));

afterEach(() => {
  jest.restoreAllMocks();
  jest.clearAllMocks();
  Taro.clearStorageSync();
});

function ticketOf(status: Ticket['status']): Ticket {
  return {
    ticketNo: 'PDS20201120-0001',
    category: 'municipal',
    content: '建设路路灯连续一周不亮',
    district: '新华区',
    address: '建设路',
    location: null,
    commitmentId: null,
    photos: [],
    anonymous: false,
    contactName: '王女士',
    phone: '13812341234',
    contactEmail: null,
    status,
    createdAt: '2020-11-20T02:00:00Z',
    dueAt: '2099-11-27T02:00:00Z',
    resolvedAt: null,
    events: [{ status: 'received', note: '', actor: '市民', createdAt: '2020-11-20T02:00:00Z' }],
    ratings: [],
  };
}

describe('handling a request', () => {
  beforeEach(() => {
    Taro.setStorageSync('worker.session', SESSION);
    routeParams({ ticketNo: 'PDS20201120-0001' });
  });

  it.each([
    ['received', ['派单', '回复', '办结']],
    ['dispatched', ['开始办理', '回复', '办结']],
    ['in_progress', ['回复', '办结']],
    ['resolved', []],
  ] as const)('offers only the moves the state machine allows from %s', async (status, labels) => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf(status));
    render(<WorkerTicketDetailPage />);
    expect(await screen.findByText('13812341234')).toBeVisible();
    const shown = screen
      .queryAllByRole('button')
      .map((b) => b.textContent?.trim())
      .filter((t) => ['派单', '开始办理', '回复', '办结'].includes(t ?? ''));
    expect(shown).toEqual(labels);
  });

  it('shows staff where on the map the request is, and a handed-over contact’s email', async () => {
    (getStaffTicket as jest.Mock).mockResolvedValue({
      ...ticketOf('received'),
      location: { lat: 33.737629, long: 113.192661 },
      contactEmail: 'john@example.org',
    });
    render(<WorkerTicketDetailPage />);
    expect(await screen.findByTestId('ticket-location')).toHaveTextContent(
      '地图位置：北纬 33.737629°，东经 113.192661°',
    );
    expect(screen.getByText('john@example.org')).toBeVisible();
  });

  it('resolves with a note and shows the new status', async () => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf('in_progress'));
    (addTicketEvent as jest.Mock).mockResolvedValue({
      ...ticketOf('resolved'),
      resolvedAt: '2020-11-21T02:00:00Z',
    });
    render(<WorkerTicketDetailPage />);
    await screen.findByText('13812341234');
    tap('办结');
    tap('确认办结');
    expect(await screen.findByText('请填写处理说明')).toBeVisible();
    expect(addTicketEvent).not.toHaveBeenCalled();
    type(field(/办理结果/), '路灯已更换');
    tap('确认办结');
    await waitFor(() =>
      expect(addTicketEvent).toHaveBeenCalledWith('PDS20201120-0001', {
        status: 'resolved',
        note: '路灯已更换',
      }),
    );
    expect(await screen.findByText('已办结')).toBeVisible();
  });

  it('says so and reloads when someone else moved the request first (409)', async () => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf('received'));
    (addTicketEvent as jest.Mock).mockRejectedValue(
      new ApiError('invalid_transition', '当前状态下不能进行这一步', 409),
    );
    render(<WorkerTicketDetailPage />);
    await screen.findByText('13812341234');
    tap('派单');
    type(field(/派给谁办理/), '派至街道');
    tap('确认派单');
    expect(await screen.findByRole('alert')).toHaveTextContent('当前状态下不能进行这一步');
    await waitFor(() => expect(getStaffTicket).toHaveBeenCalledTimes(2));
  });
});
