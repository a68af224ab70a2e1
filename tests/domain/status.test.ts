import {
  COMMITMENT_STATUSES,
  deriveStatus,
  elapsedShare,
  formatLateness,
  isVerdict,
} from '../../src/domain/status';

const deadline = '2020-12-31';
const at = (iso: string) => new Date(iso);
const afterTheYear = '2021-06-30T00:00:00+08:00';

describe('elapsedShare', () => {
  it.each([
    ['before the year starts', '2019-12-31T12:00:00+08:00', 0],
    ['at the first moment of 2020', '2020-01-01T00:00:00+08:00', 0],
    ['after the deadline', '2021-03-01T00:00:00+08:00', 1],
  ])('is %s → %d', (_label, now, share) => {
    expect(elapsedShare(at(now), deadline)).toBe(share);
  });

  it('is about a half at the start of July', () => {
    expect(elapsedShare(at('2020-07-02T00:00:00+08:00'), deadline)).toBeCloseTo(0.5, 2);
  });
});

describe('deriveStatus while the deadline is ahead', () => {
  it.each([
    // percent, reached on, now, expected
    [null, null, '2020-06-30T00:00:00+08:00', 'not_started'],
    [0, null, '2020-01-10T00:00:00+08:00', 'on_track'],
    [100, '2020-01-31', '2020-02-01T00:00:00+08:00', 'done'],
    // At the start of July about 50% of the year has passed: 40% is exactly on the margin, 39% behind it.
    [41, null, '2020-07-02T00:00:00+08:00', 'on_track'],
    [39, null, '2020-07-02T00:00:00+08:00', 'behind'],
    // The deadline day itself, to its last second in Beijing, is still ahead.
    [89, null, '2020-12-31T23:59:59+08:00', 'behind'],
    [95, null, '2020-12-31T23:59:59+08:00', 'on_track'],
  ] as const)('percent %p, reached %p, at %s is %s', (percent, reachedOn, now, expected) => {
    expect(deriveStatus({ percent, reachedOn, deadline, now: at(now) })).toBe(expected);
  });
});

describe('the verdict once the deadline has passed', () => {
  it.each([
    ['reached on the deadline day', 100, '2020-12-31', 'done_on_time'],
    ['reached before the deadline', 100, '2020-11-30', 'done_on_time'],
    ['reached the day after', 100, '2021-01-01', 'done_late'],
    ['reached on time, then a later figure lowered it', 80, '2020-12-01', 'done_on_time'],
    ['reached late, then a later figure lowered it', 90, '2021-05-01', 'done_late'],
    ['reported, never reached', 50, null, 'unfinished'],
    ['reported as 0%', 0, null, 'unfinished'],
    ['never reported', null, null, 'unreported'],
  ] as const)('%s: %s', (_label, percent, reachedOn, expected) => {
    expect(deriveStatus({ percent, reachedOn, deadline, now: at(afterTheYear) })).toBe(expected);
  });

  it('starts at the first moment after the deadline day, Beijing time', () => {
    const input = { percent: 50, reachedOn: null, deadline };
    expect(deriveStatus({ ...input, now: at('2020-12-31T23:59:59+08:00') })).toBe('behind');
    expect(deriveStatus({ ...input, now: at('2021-01-01T00:00:00+08:00') })).toBe('unfinished');
  });

  it('counts a ceiling target (失业率控制在4.5%以内) as reached when its figure stayed under it', () => {
    // A figure of 4.2% under a 4.5% ceiling is 100% (percentFromValue); its date decides the verdict.
    expect(
      deriveStatus({ percent: 100, reachedOn: '2020-12-31', deadline, now: at(afterTheYear) }),
    ).toBe('done_on_time');
  });
});

describe('the status table', () => {
  it('names every verdict, and only verdicts are verdicts', () => {
    const verdicts = COMMITMENT_STATUSES.filter((s) => isVerdict(s.code)).map((s) => s.name);
    expect(verdicts).toEqual(['按期完成', '逾期完成', '未完成', '未上报']);
  });
});

describe('formatLateness', () => {
  it.each([
    ['2021-01-01', '晚了 1 天'],
    ['2021-01-30', '晚了 30 天'],
    ['2021-03-15', '晚了 3 个月'],
    ['2021-03-31', '晚了 3 个月'],
    ['2021-12-31', '晚了 1 年'],
    ['2022-02-10', '晚了 1 年 2 个月'],
  ])('reached %s: %s', (reachedOn, text) => {
    expect(formatLateness(reachedOn, deadline)).toBe(text);
  });
});
