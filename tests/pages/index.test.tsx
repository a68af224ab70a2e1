import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { summarizeCommitments, type Stats } from '@/domain/stats';
import HomePage from '@/pages/index';
import { listAllCommitments } from '@/services/commitments';
import { ApiError } from '@/services/http';
import { takePendingFilter } from '@/services/pending-filter';
import { getStats } from '@/services/stats';
import { many } from '../support/resident-fixtures';

jest.mock('@/services/stats', () => ({ getStats: jest.fn() }));
jest.mock('@/services/commitments', () => ({ listAllCommitments: jest.fn() }));
const stats = getStats as jest.MockedFunction<typeof getStats>;
const listAll = listAllCommitments as jest.MockedFunction<typeof listAllCommitments>;

const STATS: Stats = {
  asOf: '2026-11-26T07:00:00.000Z',
  commitments: summarizeCommitments(many(3), new Date('2026-11-26T07:00:00.000Z')),
  tickets: {
    total: 0,
    open: 0,
    resolved: 0,
    closureRate: null,
    satisfactionRate: null,
    medianHoursToResolve: null,
    byCategory: [],
  },
};

beforeEach(() => {
  stats.mockResolvedValue({ data: STATS, offline: false, savedAt: STATS.asOf });
});

describe('the overview', () => {
  it('says the recent updates failed to load instead of claiming there are none', async () => {
    listAll.mockRejectedValue(new ApiError('timeout', '网络超时，请稍后再试'));
    render(<HomePage />);
    expect(await screen.findByText('最近更新没有加载出来，请下拉刷新重试。')).toBeVisible();
    expect(screen.queryByText(/还没有进展更新/)).toBeNull();
  });

  it('says there are no updates yet when the list loaded and none moved', async () => {
    const unmoved = many(3).map((c) => ({ ...c, updatedAt: null }));
    listAll.mockResolvedValue({ data: unmoved, offline: false, savedAt: STATS.asOf });
    render(<HomePage />);
    expect(await screen.findByText(/还没有进展更新/)).toBeVisible();
  });
});

describe('the scorecard, once the deadlines have passed', () => {
  const verdicts = many(4).map((c, i) => ({
    ...c,
    status: (['done_on_time', 'done_late', 'unfinished', 'unreported'] as const)[i],
  }));
  const after: Stats = { ...STATS, commitments: summarizeCommitments(verdicts, new Date()) };

  it('counts each verdict, and a tap opens the list of those promises', async () => {
    stats.mockResolvedValue({ data: after, offline: false, savedAt: after.asOf });
    listAll.mockResolvedValue({ data: verdicts, offline: false, savedAt: after.asOf });
    const switchTab = jest.spyOn(Taro, 'switchTab');
    render(<HomePage />);
    const late = await screen.findByTestId('verdict-done_late');
    expect(late).toHaveTextContent('1逾期完成');
    expect(screen.getByTestId('verdict-unreported')).toHaveAccessibleName('1 未上报');
    fireEvent.click(late);
    expect(switchTab).toHaveBeenCalled();
    expect(takePendingFilter()).toEqual({ status: 'done_late' });
  });

  it('is not shown while the deadlines are ahead', async () => {
    listAll.mockResolvedValue({ data: many(3), offline: false, savedAt: STATS.asOf });
    render(<HomePage />);
    await screen.findByText(/总体进展/);
    expect(screen.queryByTestId('scorecard')).toBeNull();
  });
});
