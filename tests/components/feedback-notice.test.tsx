import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AppPage from '@/components/app-page';
import RequestDetailPage from '@/pages/request-detail';
import { setElderMode } from '@/services/elder-mode';
import { dismissFeedback, showFeedback } from '@/services/feedback';
import { getTicketKept } from '@/services/tickets';
import { ticket } from '../support/resident-fixtures';

// What used to be a toast (services/feedback.ts): a toast as before in the standard look; in 长辈模式 a notice in the
// page that nothing takes away but 知道了.
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
  kept.mockResolvedValue({ data: TICKET, offline: false, savedAt: TICKET.createdAt });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  act(() => {
    dismissFeedback();
    setElderMode(false);
  });
});

/** The request's page, on screen, then 复制 tapped. */
async function copyTheNumber(): Promise<string[]> {
  // H5 copies as Taro's setClipboardData does, with the copy command (services/interaction.h5.ts).
  const copied: string[] = [];
  document.execCommand = jest.fn(() => {
    copied.push(document.querySelector('textarea')?.value ?? '');
    return true;
  });
  render(<RequestDetailPage />);
  expect(await screen.findByText(TICKET.content)).toBeVisible();
  jest.useFakeTimers();
  await act(async () => {
    fireEvent.click(screen.getByText('复制'));
  });
  return copied;
}

describe('feedback after an action', () => {
  it('in the standard look is the toast it always was, and nothing in the page', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    expect(await copyTheNumber()).toEqual([TICKET.ticketNo]);
    // Taro's toast is loaded on first use.
    await act(async () => void (await jest.runAllTimersAsync()));
    expect(toast).toHaveBeenCalledWith({ title: '已复制编号', icon: 'none' });
    expect(screen.queryByTestId('feedback-notice')).toBeNull();
  });

  it('in 长辈模式 stays on the page, read out as a status, until 知道了 is tapped', async () => {
    act(() => setElderMode(true));
    const toast = jest.spyOn(Taro, 'showToast');
    expect(await copyTheNumber()).toEqual([TICKET.ticketNo]);
    // On H5 the copy says nothing by itself (WeChat's 内容已复制 is taken away: services/feedback.ts), and no toast comes.
    await act(async () => void (await jest.runAllTimersAsync()));
    expect(toast).not.toHaveBeenCalled();

    const notice = screen.getByTestId('feedback-notice');
    expect(notice).toHaveTextContent('已复制编号');
    expect(notice.closest('[role=status]')).toHaveAttribute('aria-live', 'polite');
    act(() => void jest.advanceTimersByTime(5_000));
    expect(screen.getByTestId('feedback-notice')).toHaveTextContent('已复制编号');
    act(() => void jest.advanceTimersByTime(60_000));
    expect(screen.getByTestId('feedback-notice')).toBeVisible();

    fireEvent.click(screen.getByText('知道了'));
    expect(screen.queryByTestId('feedback-notice')).toBeNull();
    expect(screen.queryByText('已复制编号')).toBeNull();
  });

  it('in 长辈模式 shows the latest message only, and goes when the mode is switched off', () => {
    act(() => setElderMode(true));
    render(<AppPage>页面内容</AppPage>);
    act(() => showFeedback('网络不太好，请稍后再试'));
    act(() => showFeedback('已办结', { success: true }));
    expect(screen.getByTestId('feedback-notice')).toHaveTextContent('已办结');
    expect(screen.queryByText('网络不太好，请稍后再试')).toBeNull();
    act(() => setElderMode(false));
    expect(screen.queryByTestId('feedback-notice')).toBeNull();
  });

  it('keeps a tick for success in the standard look', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    showFeedback('已办结', { success: true });
    // On H5 Taro's toast is loaded on first use (services/interaction.h5.ts).
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '已办结', icon: 'success' }));
  });
});
