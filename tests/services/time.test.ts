import { formatDate, fromNow } from '@/services/time';

describe('when a commitment last moved', () => {
  const now = new Date('2026-11-26T08:00:00Z');
  it('reads in Chinese relative to now', () => {
    expect(fromNow('2026-11-23T08:00:00Z', now)).toBe('3 天前');
    expect(fromNow('2026-11-26T05:00:00Z', now)).toBe('3 小时前');
    expect(fromNow('2026-09-20T08:00:00Z', now)).toBe('2 个月前');
  });
  it('says so when it never moved', () => {
    expect(fromNow(null, now)).toBe('尚未更新');
  });
  it('writes a deadline as a Chinese date', () => {
    expect(formatDate('2020-12-31')).toBe('2020年12月31日');
  });
});
