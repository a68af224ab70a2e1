import { acceptsFigure, formatTarget, percentFromValue } from '../../src/domain/progress';

describe('percentFromValue', () => {
  it.each([
    [6, { value: 11, unit: '所', qualifier: 'exact' }, 54],
    [11, { value: 11, unit: '所', qualifier: 'exact' }, 100],
    [13, { value: 11, unit: '所', qualifier: 'exact' }, 100],
    [0, { value: 11, unit: '所', qualifier: 'exact' }, 0],
    [4.2, { value: 4.5, unit: '%', qualifier: 'at_most' }, 100],
    [5, { value: 4.5, unit: '%', qualifier: 'at_most' }, 90],
  ] as const)('%p against %o is %p%%', (value, target, percent) => {
    expect(percentFromValue(value, target)).toBe(percent);
  });
});

describe('formatTarget', () => {
  it.each([
    [{ value: 11, unit: '所', qualifier: 'exact' }, '11 所'],
    [{ value: 5, unit: '万人', qualifier: 'at_least' }, '5 万人以上'],
    [{ value: 7, unit: '%', qualifier: 'about' }, '7%左右'],
    [{ value: 4.5, unit: '%', qualifier: 'at_most' }, '4.5%以内'],
    [{ value: 100, unit: '%', qualifier: 'all' }, '全部完成'],
  ] as const)('%o reads %s', (target, text) => {
    expect(formatTarget(target)).toBe(text);
  });
});

describe('acceptsFigure', () => {
  it.each([
    [null, false],
    [{ value: 100, unit: '%', qualifier: 'all' }, false],
    [{ value: 11, unit: '所', qualifier: 'exact' }, true],
    [{ value: 4.5, unit: '%', qualifier: 'at_most' }, true],
  ] as const)('%o takes a figure: %p', (target, accepts) => {
    expect(acceptsFigure(target)).toBe(accepts);
  });
});
