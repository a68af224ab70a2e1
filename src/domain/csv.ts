/**
 * CSV as Excel and WPS open it: UTF-8 with a byte-order mark (without one, Excel reads Chinese as GBK and garbles
 * it), CRLF line ends, and cells quoted when they hold a quote, a comma or a line break.
 */
export const CSV_BOM = '\uFEFF';

/** Characters a spreadsheet takes as the start of a formula (and tab and CR, which some strip before looking). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, so that a
 * resident's words are never run on an official's computer; numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, ended by CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A moment as an official reads it in a sheet: Beijing time, 2020-12-31 16:05. */
export function beijingDateTime(iso: string | null): string {
  if (!iso) return '';
  const shifted = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
