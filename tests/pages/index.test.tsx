import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { summarizeCommitments, type Stats } from '@/domain/stats';
import HomePage from '@/pages/index';
import { listAllCommitments } from '@/services/commitments';
import { ApiError } from '@/services/http';
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
