import type { Target } from '../../src/domain/commitment';
import { parseUpdateInput, progressFromUpdate } from '../../src/domain/update-rules';

const TODAY = '2026-11-30';
const counted: Target = { value: 11, unit: '所', qualifier: 'exact' };
const everything: Target = { value: 100, unit: '%', qualifier: 'all' };

const fields = (raw: unknown, target: Target | null) => {
  const result = parseUpdateInput(raw, target, TODAY);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('parseUpdateInput', () => {
  it('answers a figure with its trimmed note', () => {
    expect(parseUpdateInput({ value: 6, note: ' 六所开园 ', photos: [] }, counted, TODAY)).toEqual({
      ok: true,
      value: { value: 6, note: '六所开园', photos: [] },
    });
  });

  it('counts the note as a person sees it: invisible characters are not words', () => {
    expect(fields({ value: 6, note: '\u200B\u200B\u200B' }, counted)).toEqual(['note']);
    expect(parseUpdateInput({ value: 6, note: '\u202E六所开园' }, counted, TODAY)).toMatchObject({
      value: { note: '六所开园' },
    });
  });

  it('takes the day the figure describes, from 2020 to today', () => {
    const input = { percent: 100, note: '全部完成', asOf: '2020-12-31' };
    expect(parseUpdateInput(input, null, TODAY)).toMatchObject({ ok: true, value: input });
    expect(parseUpdateInput({ ...input, asOf: TODAY }, null, TODAY).ok).toBe(true);
    expect(parseUpdateInput({ ...input, asOf: '2020-01-01' }, null, TODAY).ok).toBe(true);
  });

  it.each([
    ['tomorrow', '2026-12-01'],
    ['before 2020', '2019-12-31'],
    ['a day that does not exist', '2021-02-29'],
    ['another format', '2020/12/31'],
    ['a number', 20201231],
  ])('refuses an as-of date of %s', (_, asOf) => {
    expect(fields({ percent: 50, note: '进展顺利', asOf }, null)).toEqual(['asOf']);
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
