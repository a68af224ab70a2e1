import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ImportRowError } from '../../src/domain/progress-import';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A spreadsheet's bytes as text. Excel and WPS save "CSV UTF-8" with a byte-order mark, plain "CSV" in the
 * system's code page: on a Chinese Windows, GBK, which GB18030 contains. Bytes that are not valid UTF-8 are read
 * as GB18030 (ASCII reads the same either way).
 */
export function decodeCsvBytes(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return bytes.subarray(3).toString('utf8');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** The table of a CSV text, every record as its cells; or where the text stops being CSV (an unclosed quote). */
export function readCsvRecords(
  text: string,
): { ok: true; records: string[][] } | { ok: false; error: ImportRowError } {
  try {
    const records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { ok: true, records };
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      error: {
        row: typeof lines === 'number' ? lines : 1,
        field: 'file',
        message: '文件不是有效的 CSV：请检查引号是否成对，或在表格软件中另存为 CSV',
      },
    };
  }
}
