import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CommitmentsPage from '@/pages/commitments';
import { listCommitments } from '@/services/commitments';
import { ApiError } from '@/services/http';
import * as time from '@/services/time';
import { many } from '../support/resident-fixtures';

jest.mock('@/services/commitments', () => ({ listCommitments: jest.fn(), PAGE_SIZE: 20 }));
const list = listCommitments as jest.MockedFunction<typeof listCommitments>;

const online = (items = many(3), nextCursor: string | null = null, total = items.length) => ({
  data: { items, nextCursor, total },
  offline: false,
  savedAt: '2026-11-26T07:00:00.000Z',
});

beforeEach(() => list.mockReset());

describe('the commitments list', () => {
  it('shows skeletons while the first page loads', async () => {
    list.mockReturnValue(new Promise(() => undefined));
    render(<CommitmentsPage />);
    expect(screen.getByTestId('loading')).toBeInTheDocument();
    expect(screen.queryByTestId('commitment-card')).toBeNull();
  });

  it('shows one card per commitment with the total', async () => {
    list.mockResolvedValue(online(many(3), null, 3));
    render(<CommitmentsPage />);
    expect(await screen.findAllByTestId('commitment-card')).toHaveLength(3);
    expect(screen.getByText(/共 3 项/)).toBeVisible();
    expect(screen.getByText('已显示全部 3 项')).toBeVisible();
  });

  it('loads the next page by its cursor and appends it', async () => {
    list.mockResolvedValueOnce(online(many(2), '2', 3));
    render(<CommitmentsPage />);
    await screen.findAllByTestId('commitment-card');
    list.mockResolvedValueOnce(online([{ ...many(3)[2] }], null, 3));
    fireEvent.click(screen.getByText('加载更多（还有 1 项）'));
    await waitFor(() => expect(screen.getAllByTestId('commitment-card')).toHaveLength(3));
    expect(list).toHaveBeenLastCalledWith({}, '2');
  });

  it('filters by status with a text label, and offers a way out when nothing matches', async () => {
    list.mockResolvedValueOnce(online());
    render(<CommitmentsPage />);
    await screen.findAllByTestId('commitment-card');
    list.mockResolvedValueOnce(online([], null, 0));
    fireEvent.click(screen.getByText('已完成'));
    expect(await screen.findByTestId('empty')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith({ status: 'done' }, null);
    expect(screen.getByText('没有找到相符的民生实事')).toBeVisible();
    list.mockResolvedValueOnce(online());
    fireEvent.click(screen.getByText('清除筛选，查看全部'));
    expect(await screen.findAllByTestId('commitment-card')).toHaveLength(3);
    expect(list).toHaveBeenLastCalledWith({}, null);
  });

  it('keeps the cards on screen while a filter loads, and does not redraw the cards that stay', async () => {
    const items = many(3);
    list.mockResolvedValueOnce(online(items));
    const spy = jest.spyOn(time, 'fromNow');
    render(<CommitmentsPage />);
    await screen.findAllByTestId('commitment-card');
    const drawn = spy.mock.calls.length;
    let answer!: (value: ReturnType<typeof online>) => void;
    list.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    fireEvent.click(screen.getByTestId('status-on_track'));
    expect(await screen.findByText('正在筛选…')).toBeVisible();
    expect(screen.getAllByTestId('commitment-card')).toHaveLength(3);
    expect(screen.queryByTestId('loading')).toBeNull();
    await act(async () => answer(online(items.slice(0, 2).map((c) => ({ ...c })))));
    expect(screen.getAllByTestId('commitment-card')).toHaveLength(2);
    expect(spy.mock.calls.length).toBe(drawn);
    spy.mockRestore();
  });

  it('does not load the next page of the old filter while a new one loads', async () => {
    list.mockResolvedValueOnce(online(many(2), '2', 3));
    render(<CommitmentsPage />);
    await screen.findAllByTestId('commitment-card');
    let answer!: (value: ReturnType<typeof online>) => void;
    list.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    fireEvent.click(screen.getByTestId('status-on_track'));
    expect(await screen.findByText('正在筛选…')).toBeVisible();
    fireEvent.click(screen.getByText('加载更多（还有 1 项）'));
    expect(list).toHaveBeenCalledTimes(2);
    await act(async () => answer(online(many(1), null, 1)));
    expect(screen.getAllByTestId('commitment-card')).toHaveLength(1);
  });

  it('shows the error with a retry that loads again', async () => {
    list.mockRejectedValueOnce(new ApiError('internal_error', '服务器开小差了，请稍后再试', 500));
    render(<CommitmentsPage />);
    expect(await screen.findByTestId('error')).toBeInTheDocument();
    expect(screen.getByText('服务器开小差了，请稍后再试')).toBeVisible();
    list.mockResolvedValueOnce(online());
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findAllByTestId('commitment-card')).toHaveLength(3);
  });

  it('shows kept data with the offline banner instead of an error when the network is down', async () => {
    list.mockResolvedValue({ ...online(), offline: true, savedAt: '2026-11-20T02:30:00.000Z' });
    render(<CommitmentsPage />);
    expect(await screen.findAllByTestId('commitment-card')).toHaveLength(3);
    const banner = screen.getByTestId('offline-banner');
    expect(banner).toHaveTextContent(/离线 · 数据截至 2026-11-20 \d\d:30/);
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('opens the detail page of a tapped card', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    list.mockResolvedValue(online());
    render(<CommitmentsPage />);
    const [first] = await screen.findAllByTestId('commitment-card');
    await act(async () => fireEvent.click(first));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/commitment-detail/index?id=c-0' });
  });
});
