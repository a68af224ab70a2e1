import type { Target } from '../../src/domain/commitment';
import {
  importNote,
  normalizeDay,
  parseImportRow,
  parseImportTable,
} from '../../src/domain/progress-import';

const TODAY = '2020-12-20';
const counted: Target = { value: 108, unit: '个', qualifier: 'exact' };
const targets = new Map<string, Target | null>([
  ['communities', counted],
  ['preschool', null],
]);

describe('parseImportRow', () => {
  it('maps a row to what the progress form posts: the date column is asOf, the note says 批量导入', () => {
    const row = { id: 'communities', value: '1,060', note: ' 验收 ', date: '2020/11/30' };
    expect(parseImportRow(row, { ...counted, value: 2000 }, TODAY)).toEqual({
      ok: true,
      value: {
        commitmentId: 'communities',
        input: { value: 1060, note: '批量导入：验收', photos: [], asOf: '2020-11-30' },
      },
    });
  });

  it('takes a percent written as Excel shows it, and dates a row without a date today', () => {
    const result = parseImportRow({ id: 'preschool', percent: '75%' }, null, TODAY);
    expect(result).toMatchObject({ ok: true, value: { input: { percent: 75, asOf: TODAY } } });
  });

  it.each([
    ['an unknown id', { id: 'nope', value: '1' }, undefined, ['id']],
    ['no id', { id: ' ', value: '1' }, undefined, ['id']],
    ['neither figure nor percent', { id: 'c' }, counted, ['value']],
    ['both', { id: 'c', value: '1', percent: '2' }, counted, ['percent']],
    ['a figure where there is no target', { id: 'p', value: '3' }, null, ['value']],
    ['text for a figure', { id: 'c', value: '六十' }, counted, ['value']],
    ['a negative figure', { id: 'c', value: '-1' }, counted, ['value']],
    ['a percent over 100', { id: 'p', percent: '101' }, null, ['percent']],
    ['a day in the future', { id: 'p', percent: '1', date: '2020-12-21' }, null, ['date']],
    ['a day before 2020', { id: 'p', percent: '1', date: '2019/12/31' }, null, ['date']],
    ['a day that does not exist', { id: 'p', percent: '1', date: '2020-2-30' }, null, ['date']],
    ['a note too long', { id: 'p', percent: '1', note: '字'.repeat(500) }, null, ['note']],
  ])('refuses %s, naming the column', (_, row, target, fields) => {
    const result = parseImportRow(row, target, TODAY);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(fields);
  });
});

describe('normalizeDay and importNote', () => {
  it.each([
    ['2020/12/31', '2020-12-31'],
    ['2020-1-5', '2020-01-05'],
    ['2020.1.5', '2020-01-05'],
    ['2020年1月5日', '2020-01-05'],
    ['31/12/2020', '31/12/2020'],
  ])('writes %s as %s', (day, written) => expect(normalizeDay(day)).toBe(written));

  it('says 批量导入 alone when the row has no note', () => {
    expect(importNote('  ')).toBe('批量导入');
  });
});

describe('parseImportTable', () => {
  it('numbers rows as the spreadsheet does, skips blank ones, and ignores columns for people', () => {
    const { report, rows } = parseImportTable(
      [
        ['ID', 'title', 'value', 'percent', 'note', 'date'],
        ['communities', '城区社区', '60', '', '', ''],
        ['', '', '', '', '', ''],
        ['preschool', '学前', '', '200', '', ''],
      ],
      targets,
      TODAY,
    );
    expect(report).toEqual({
      rows: 2,
      valid: 1,
      errors: [{ row: 4, field: 'percent', message: '完成百分比应为 0–100 的整数' }],
    });
    expect(rows.map((r) => [r.row, r.commitmentId])).toEqual([[2, 'communities']]);
  });

  it('asks for the header, and for at least one row', () => {
    expect(parseImportTable([['a', 'b']], targets, TODAY).report.errors).toMatchObject([
      { row: 1, field: 'header' },
    ]);
    expect(parseImportTable([['id', 'percent']], targets, TODAY).report.errors).toMatchObject([
      { field: 'file', message: '表格里没有数据行' },
    ]);
  });

  it('takes at most 1,000 rows at once', () => {
    const many = Array.from({ length: 1001 }, () => ['preschool', '50']);
    const { report } = parseImportTable([['id', 'percent'], ...many], targets, TODAY);
    expect(report.errors).toMatchObject([{ field: 'file', message: '一次最多导入 1000 行' }]);
  });
});
