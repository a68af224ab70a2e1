import { commitmentCategoryName, type Commitment } from '../../src/domain/commitment';
import {
  formatBaseline,
  formatCount,
  formatDelivered,
  formatHours,
  formatRate,
  showsProgress,
  verdictDetail,
} from '../../src/domain/display';

const progress = (current: number | null, percent = 0) => ({
  current,
  percent,
  asOf: null,
  reachedOn: null,
});

describe('formatDelivered', () => {
  it.each<[Pick<Commitment, 'target' | 'progress'>, string]>([
    [
      { target: { value: 11, unit: '所', qualifier: 'exact' }, progress: progress(6, 54) },
      '6 / 11 所',
    ],
    [
      { target: { value: 11, unit: '所', qualifier: 'exact' }, progress: progress(null) },
      '未上报 / 11 所',
    ],
    [
      { target: { value: 5, unit: '万人', qualifier: 'at_least' }, progress: progress(3.2, 64) },
      '3.2 / 5 万人以上',
    ],
    [
      { target: { value: 7, unit: '%', qualifier: 'about' }, progress: progress(5.2, 74) },
      '5.2% / 7%左右',
    ],
    [
      { target: { value: 4.5, unit: '%', qualifier: 'at_most' }, progress: progress(null) },
      '未上报 / 4.5%以内',
    ],
    [
      { target: { value: 100, unit: '%', qualifier: 'all' }, progress: progress(null, 40) },
      '40% / 全部完成',
    ],
    [{ target: null, progress: progress(null, 30) }, '进度 30%'],
  ])('%j reads %s', (commitment, expected) => {
    expect(formatDelivered(commitment)).toBe(expected);
  });
});

describe('figures with nothing to show read 暂无', () => {
  it('rates', () => {
    expect(formatRate(null)).toBe('暂无');
    expect(formatRate(undefined)).toBe('暂无');
    expect(formatRate(0.856)).toBe('86%');
    expect(formatRate(0)).toBe('0%');
  });
  it('counts', () => {
    expect(formatCount(null)).toBe('暂无');
    expect(formatCount(0)).toBe('0');
  });
  it('hours, in days from two days on', () => {
    expect(formatHours(null)).toBe('暂无');
    expect(formatHours(5.25)).toBe('5.3 小时');
    expect(formatHours(60)).toBe('2.5 天');
  });
});

describe('names', () => {
  it('names the 2019 figure and categories', () => {
    expect(formatBaseline({ value: 24, unit: '所', quote: '' })).toBe('2019年：24 所');
    expect(formatBaseline(null)).toBeNull();
    expect(commitmentCategoryName('education')).toBe('教育');
  });
});

describe('verdictDetail', () => {
  const commitment = (status: Commitment['status'], reachedOn: string | null = null) => ({
    status,
    deadline: '2020-12-31',
    progress: { current: 54, percent: 50, asOf: '2021-06-30', reachedOn },
  });

  it('says how late a late promise was kept', () => {
    expect(verdictDetail(commitment('done_late', '2021-03-15'))).toBe('晚了 3 个月');
  });

  it('says plainly that nothing was reported, and draws no progress for it', () => {
    expect(verdictDetail(commitment('unreported'))).toBe('期限已过，从未上报进展');
    expect(showsProgress(commitment('unreported'))).toBe(false);
    expect(showsProgress(commitment('unfinished'))).toBe(true);
  });

  it('adds nothing to the other statuses: their figures speak', () => {
    for (const status of ['done_on_time', 'unfinished', 'on_track', 'behind'] as const) {
      expect(verdictDetail(commitment(status, '2020-12-01'))).toBeNull();
    }
  });
});
