import {
  beijingMonth,
  beijingWeek,
  hoursBucket,
  lastMonths,
  lastWeeks,
  medianOfBuckets,
} from '../../src/domain/figures';

describe('weeks and months in Beijing', () => {
  it('keys a week by its Monday, and a moment by its Beijing day', () => {
    // Sunday 2026-03-01 23:30 in Beijing is still the week of Monday 2026-02-23.
    expect(beijingWeek(new Date('2026-03-01T15:30:00Z'))).toBe('2026-02-23');
    // 16:30Z on Sunday is Monday 00:30 in Beijing: a new week.
    expect(beijingWeek(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(beijingMonth(new Date('2020-12-31T16:30:00Z'))).toBe('2021-01');
  });

  it('lists the last 52 weeks and 12 months, oldest first', () => {
    const now = new Date('2026-03-04T02:00:00Z');
    const weeks = lastWeeks(now);
    expect(weeks).toHaveLength(52);
    expect(weeks[51]).toBe('2026-03-02');
    expect(weeks[50]).toBe('2026-02-23');
    expect(lastMonths(now)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('the median of hourly buckets', () => {
  it('is the middle of the median bucket, or between the two middle ones', () => {
    expect(medianOfBuckets([])).toBeNull();
    expect(medianOfBuckets([{ hours: 5, count: 3 }])).toBe(5.5);
    expect(
      medianOfBuckets([
        { hours: 30, count: 1 },
        { hours: 2, count: 1 },
      ]),
    ).toBe(16.5);
    expect(
      medianOfBuckets([
        { hours: 1, count: 2 },
        { hours: 9, count: 1 },
      ]),
    ).toBe(1.5);
  });

  it('counts whole hours, 90 days and more in one bucket, never fewer than none', () => {
    expect(hoursBucket('2020-01-01T00:00:00Z', '2020-01-01T01:59:00Z')).toBe(1);
    expect(hoursBucket('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z')).toBe(2160);
    // Closed "before" it was filed, as when a clock was set back: no time at all.
    expect(hoursBucket('2020-01-02T00:00:00Z', '2020-01-01T00:00:00Z')).toBe(0);
  });
});
