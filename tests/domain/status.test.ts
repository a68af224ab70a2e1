import { deriveStatus, elapsedShare } from '../../src/domain/status';

const deadline = '2020-12-31';
const at = (iso: string) => new Date(iso);

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

describe('deriveStatus', () => {
  it.each([
    // percent, now, expected
    [null, '2020-06-30T00:00:00+08:00', 'not_started'],
    [null, '2021-06-30T00:00:00+08:00', 'not_started'],
    [0, '2020-01-10T00:00:00+08:00', 'on_track'],
    [100, '2020-02-01T00:00:00+08:00', 'done'],
    [100, '2023-01-01T00:00:00+08:00', 'done'],
    // At the start of July about 50% of the year has passed: 40% is exactly on the margin, 39% behind it.
    [41, '2020-07-02T00:00:00+08:00', 'on_track'],
    [39, '2020-07-02T00:00:00+08:00', 'behind'],
    [99, '2021-01-05T00:00:00+08:00', 'on_track'],
    [89, '2021-01-05T00:00:00+08:00', 'behind'],
  ] as const)('percent %p at %s is %s', (percent, now, expected) => {
    expect(deriveStatus({ percent, deadline, now: at(now) })).toBe(expected);
  });
});
