import { beijingDate, formatDay, isCalendarDate } from '../../src/domain/dates';

describe('beijingDate', () => {
  it('is the calendar day in Pingdingshan, eight hours ahead of UTC', () => {
    expect(beijingDate(new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
    expect(beijingDate(new Date('2020-12-31T16:00:00Z'))).toBe('2021-01-01');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2020-12-31', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-13-01', false],
    ['2020-1-1', false],
    ['', false],
  ])('%s: %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('formatDay', () => {
  it('writes a day as a resident reads it', () => {
    expect(formatDay('2020-12-31')).toBe('2020年12月31日');
    expect(formatDay('2021-03-05')).toBe('2021年3月5日');
  });
});
