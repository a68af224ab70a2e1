import type { Target } from './commitment';
import { parsed, type FieldError, type Parsed } from './errors';
import { parseUpdateInput, type CommitmentUpdateInput } from './update-rules';

/**
 * Progress from a department's spreadsheet (`POST /api/progress-imports`): one row per update, the columns
 * `id,value,percent,note,date`. Each row is checked by the progress form's own rule (`parseUpdateInput`): `date` is
 * its `asOf`. Other columns (the template's `title` and `target`) are there for people and are ignored.
 */
export const IMPORT_COLUMNS = ['id', 'value', 'percent', 'note', 'date'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** At most 1 MB and 1,000 rows: a month of every department's figures, applied in one transaction. */
export const IMPORT_LIMITS = { maxBytes: 1024 * 1024, maxRows: 1000 } as const;

/** What every imported update says it is; the row's own note follows it. */
export const IMPORT_NOTE = '批量导入';

/** A refusal of one cell: `row` as the spreadsheet numbers it (the header is row 1), `field` a column's name. */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/** The answer of a dry run, and of a refused import (422): how many rows, how many would apply, and why not. */
export interface ImportReport {
  rows: number;
  valid: number;
  errors: ImportRowError[];
}

/** The answer of an applied import: every row became an update. */
export interface ImportedProgress extends ImportReport {
  imported: number;
}

/** One row ready to apply: the commitment it moves and the update, dated (today when `date` was left empty). */
export interface ImportRow {
  row: number;
  commitmentId: string;
  input: CommitmentUpdateInput & { asOf: string };
}

/** A number as a spreadsheet writes it: 1,234.5 or 60%; anything else is passed on for the form's rule to refuse. */
function numberCell(text: string, { percent }: { percent: boolean }): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = (percent ? trimmed.replace(/%$/, '') : trimmed).replace(
    /^(\d{1,3}(,\d{3})+)/,
    (m) => m.replace(/,/g, ''),
  );
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : trimmed;
}

/** A day as Excel and WPS save it (2020/12/31, 2020-1-5, 2020.1.5, 2020年1月5日) written YYYY-MM-DD. */
export function normalizeDay(text: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return text.trim();
  const [, year, month, day] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The note every imported update carries: 批量导入, then the row's own words. */
export function importNote(note: string): string {
  const own = note.trim();
  return own ? `${IMPORT_NOTE}：${own}` : IMPORT_NOTE;
}

/** The update's fields named as the spreadsheet names them (`asOf` is the `date` column). */
const COLUMN_OF: Record<string, ImportColumn> = {
  value: 'value',
  percent: 'percent',
  note: 'note',
  asOf: 'date',
};

/**
 * One row of the spreadsheet as the progress form would post it, checked by the form's rule against the
 * commitment's target: `undefined` target means the id names no commitment.
 */
export function parseImportRow(
  cells: Partial<Record<ImportColumn, string>>,
  target: Target | null | undefined,
  today: string,
): Parsed<Omit<ImportRow, 'row'>> {
  const commitmentId = (cells.id ?? '').trim();
  if (target === undefined) {
    const message = commitmentId ? '没有这个编号的民生实事' : '请填写民生实事编号';
    return { ok: false, errors: [{ field: 'id', message }] };
  }
  const date = (cells.date ?? '').trim();
  const raw = {
    value: numberCell(cells.value ?? '', { percent: false }),
    percent: numberCell(cells.percent ?? '', { percent: true }),
    note: importNote(cells.note ?? ''),
    asOf: date ? normalizeDay(date) : today,
  };
  const input = parseUpdateInput(raw, target, today);
  if (!input.ok) {
    const errors = input.errors.map((e) => ({ ...e, field: COLUMN_OF[e.field] ?? e.field }));
    return { ok: false, errors };
  }
  return { ok: true, value: { commitmentId, input: { ...input.value, asOf: raw.asOf } } };
}

/** Which cell holds which column: the header row, in any order, with `id` and one of `value` and `percent`. */
export function parseImportHeader(header: string[]): Parsed<Map<ImportColumn, number>> {
  const columns = new Map<ImportColumn, number>();
  header.forEach((name, index) => {
    const column = IMPORT_COLUMNS.find((c) => c === name.trim().toLowerCase());
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const errors: FieldError[] = [];
  if (!columns.has('id') || !(columns.has('value') || columns.has('percent'))) {
    errors.push({ field: 'header', message: `第一行应为列名：${IMPORT_COLUMNS.join(',')}` });
  }
  return parsed(columns, errors);
}

/**
 * The whole table (the header, then one row per update) checked row by row: the report, and the rows to apply
 * when every one holds. Rows whose every cell is empty (as Excel saves blank lines) are skipped.
 */
export function parseImportTable(
  records: string[][],
  targets: ReadonlyMap<string, Target | null>,
  today: string,
): { report: ImportReport; rows: ImportRow[] } {
  const errors: ImportRowError[] = [];
  const header = parseImportHeader(records[0] ?? []);
  if (!header.ok) {
    const report = { rows: 0, valid: 0, errors: header.errors.map((e) => ({ row: 1, ...e })) };
    return { report, rows: [] };
  }
  const rows: ImportRow[] = [];
  let count = 0;
  records.slice(1).forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    count += 1;
    const row = index + 2;
    const cells = Object.fromEntries(
      [...header.value].map(([column, at]) => [column, record[at] ?? '']),
    );
    const id = (cells.id ?? '').trim();
    const result = parseImportRow(cells, targets.has(id) ? targets.get(id) : undefined, today);
    if (result.ok) rows.push({ row, ...result.value });
    else errors.push(...result.errors.map((e) => ({ row, ...e })));
  });
  if (count === 0) errors.push({ row: 2, field: 'file', message: '表格里没有数据行' });
  if (count > IMPORT_LIMITS.maxRows) {
    errors.push({ row: 1, field: 'file', message: `一次最多导入 ${IMPORT_LIMITS.maxRows} 行` });
  }
  return { report: { rows: count, valid: rows.length, errors }, rows };
}
