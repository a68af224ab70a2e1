import { beijingDateTime, csvCell, csvLine } from '../../src/domain/csv';
import { parseExportRange, ticketExportName } from '../../src/domain/exports';

describe('csvCell', () => {
  it.each([
    ['plain text', '城区社区规范化建设', '城区社区规范化建设'],
    ['a comma', '新华区,卫东区', '"新华区,卫东区"'],
    ['quotes', '他说"好"', '"他说""好"""'],
    ['a line break', '第一行\n第二行', '"第一行\n第二行"'],
    ['a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a plus', '+86 138', "'+86 138"],
    ['a minus', '-1+1', "'-1+1"],
    ['an at', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab first', '\t=1', "'\t=1"],
  ])('writes %s safely', (_, value, written) => expect(csvCell(value)).toBe(written));

  it('writes numbers as they are, and nothing for null', () => {
    expect(csvLine([-5, 0.5, null, undefined, ''])).toBe('-5,0.5,,,\r\n');
  });

  it('writes moments in Beijing time', () => {
    expect(beijingDateTime('2020-12-31T16:05:00.000Z')).toBe('2021-01-01 00:05');
    expect(beijingDateTime(null)).toBe('');
  });
});

describe('parseExportRange', () => {
  it('takes real days, either end open, from not after to', () => {
    expect(parseExportRange({ from: '2020-01-01', to: '' })).toEqual({
      ok: true,
      value: { from: '2020-01-01' },
    });
    expect(parseExportRange({ from: '2020-02-30' })).toMatchObject({ ok: false });
    expect(parseExportRange({ from: '2020-02-02', to: '2020-02-01' })).toMatchObject({
      ok: false,
      errors: [{ field: 'to' }],
    });
  });

  it('names the file after the range', () => {
    expect(ticketExportName({ from: '2020-01-01' }, '2020-12-31')).toBe(
      '民呼必应诉求_2020-01-01_2020-12-31.csv',
    );
  });
});
