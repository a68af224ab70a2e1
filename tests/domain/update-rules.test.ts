import type { Target } from '../../src/domain/commitment';
import { parseUpdateInput, progressFromUpdate } from '../../src/domain/update-rules';

const counted: Target = { value: 11, unit: '所', qualifier: 'exact' };
const everything: Target = { value: 100, unit: '%', qualifier: 'all' };

const fields = (raw: unknown, target: Target | null) => {
  const result = parseUpdateInput(raw, target);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('parseUpdateInput', () => {
  it('answers a figure with its trimmed note', () => {
    expect(parseUpdateInput({ value: 6, note: ' 六所开园 ', photos: [] }, counted)).toEqual({
      ok: true,
      value: { value: 6, note: '六所开园', photos: [] },
    });
  });

  it.each([
    [
      'both a figure and a percent',
      { value: 6, percent: 50, note: '进展顺利' },
      counted,
      'percent',
    ],
    ['neither', { note: '进展顺利' }, counted, 'value'],
    ['a negative figure', { value: -1, note: '进展顺利' }, counted, 'value'],
    ['a figure without a counted target', { value: 6, note: '进展顺利' }, null, 'value'],
    ['a figure against 全部完成', { value: 6, note: '进展顺利' }, everything, 'value'],
    ['a percent over 100', { percent: 101, note: '进展顺利' }, null, 'percent'],
    ['a fractional percent', { percent: 50.5, note: '进展顺利' }, null, 'percent'],
    ['a one-character note', { percent: 50, note: ' 好 ' }, null, 'note'],
    ['the same photo twice', { percent: 50, note: '进展顺利', photos: ['a', 'a'] }, null, 'photos'],
  ])('refuses %s', (_, raw, target, field) => {
    expect(fields(raw, target)).toEqual([field]);
  });
});

describe('progressFromUpdate', () => {
  it('gives a figure its percent, and a bare percent no figure', () => {
    expect(progressFromUpdate({ value: 6 }, counted)).toEqual({ current: 6, percent: 54 });
    expect(progressFromUpdate({ percent: 40 }, everything)).toEqual({ current: null, percent: 40 });
  });
});
