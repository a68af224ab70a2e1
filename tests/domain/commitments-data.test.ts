import fs from 'node:fs';
import path from 'node:path';

import commitmentsJson from '../../data/commitments.json';
import {
  COMMITMENT_CATEGORIES,
  TARGET_QUALIFIERS,
  type CommitmentSource,
} from '../../src/domain/commitment';

const commitments = commitmentsJson as CommitmentSource[];

const report = fs.readFileSync(
  path.join(__dirname, '../../data/pingdingshan-2020-government-work-report.txt'),
  'utf8',
);

/** The text between two headings of the report (the start heading included). */
function sectionBetween(start: string, end: string): string {
  const from = report.indexOf(start);
  const to = report.indexOf(end);
  if (from < 0 || to < 0 || to <= from) {
    throw new Error(`report headings not found in order: ${start} … ${end}`);
  }
  return report.slice(from, to);
}

const review2019 = sectionBetween('一、2019年工作回顾', '二、2020年工作安排');
const plan2020 = sectionBetween('二、2020年工作安排', '三、全面加强政府自身建设');

/**
 * Whether `value` is written in `text` as the report writes numbers (7 → "7", 1.5 → "1.5"),
 * as a whole number: 7 must not match inside "7.5" or "17", nor 1.5 inside "11.5".
 */
function writesNumber(text: string, value: number): boolean {
  const written = String(value);
  for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + written.length);
    if (/[\d.]$/.test(before)) continue;
    if (/^(\d|\.\d)/.test(after)) continue;
    return true;
  }
  return false;
}

/** Ids of the commitments for which `isWrong` holds: the failure message names them. */
function offenders(isWrong: (c: CommitmentSource) => boolean): string[] {
  return commitments.filter(isWrong).map((c) => c.id);
}

describe('data/commitments.json', () => {
  it('holds at least 50 commitments', () => {
    expect(commitments.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every commitment a kebab-case ASCII id', () => {
    expect(offenders((c) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id))).toEqual([]);
  });

  it('never gives two commitments the same id', () => {
    const ids = commitments.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('files every commitment under a category from COMMITMENT_CATEGORIES', () => {
    const codes: readonly string[] = COMMITMENT_CATEGORIES.map((c) => c.code);
    expect(offenders((c) => !codes.includes(c.category))).toEqual([]);
  });

  it('keeps every title non-empty and at most 16 characters', () => {
    expect(offenders((c) => c.title.trim() === '' || [...c.title].length > 16)).toEqual([]);
  });

  it('quotes every promise verbatim from the report', () => {
    expect(offenders((c) => c.quote === '' || !report.includes(c.quote))).toEqual([]);
  });

  it('quotes every promise from section 二 (2020年工作安排)', () => {
    expect(offenders((c) => !plan2020.includes(c.quote))).toEqual([]);
  });

  it('names a section of part 二 for every commitment', () => {
    expect(offenders((c) => !c.section.startsWith('二、'))).toEqual([]);
  });

  it('uses only known target qualifiers and a unit for every target', () => {
    const qualifiers: readonly string[] = TARGET_QUALIFIERS;
    expect(
      offenders(
        (c) =>
          c.target !== null &&
          (!qualifiers.includes(c.target.qualifier) ||
            c.target.unit.trim() === '' ||
            !Number.isFinite(c.target.value)),
      ),
    ).toEqual([]);
  });

  it('writes every target value inside its quote, except for qualifier "all"', () => {
    expect(
      offenders(
        (c) =>
          c.target !== null &&
          c.target.qualifier !== 'all' &&
          !writesNumber(c.quote, c.target.value),
      ),
    ).toEqual([]);
  });

  it('gives a qualifier "all" target the value 100 %', () => {
    expect(
      offenders(
        (c) => c.target?.qualifier === 'all' && (c.target.value !== 100 || c.target.unit !== '%'),
      ),
    ).toEqual([]);
  });

  it('quotes every 2019 baseline verbatim from section 一 and writes its value there', () => {
    expect(
      offenders(
        (c) =>
          c.baseline2019 !== null &&
          (!review2019.includes(c.baseline2019.quote) ||
            c.baseline2019.unit.trim() === '' ||
            !writesNumber(c.baseline2019.quote, c.baseline2019.value)),
      ),
    ).toEqual([]);
  });

  it('sets every deadline to a real ISO date in 2020 or later', () => {
    expect(
      offenders((c) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(c.deadline)) return true;
        const date = new Date(`${c.deadline}T00:00:00Z`);
        return (
          Number.isNaN(date.getTime()) ||
          date.toISOString().slice(0, 10) !== c.deadline ||
          date.getUTCFullYear() < 2020
        );
      }),
    ).toEqual([]);
  });
});

describe('writesNumber', () => {
  it('finds a number only where the report writes it whole', () => {
    expect(writesNumber('新建改扩建幼儿园11所', 11)).toBe(true);
    expect(writesNumber('生产总值增长7%左右', 7)).toBe(true);
    expect(writesNumber('规模以上工业增加值增长7.5%以上', 7)).toBe(false);
    expect(writesNumber('规模以上工业增加值增长7.5%以上', 7.5)).toBe(true);
    expect(writesNumber('一般公共预算收入171.4亿元', 71)).toBe(false);
  });
});
