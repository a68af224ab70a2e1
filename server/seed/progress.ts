import type { Commitment, Target } from '../../src/domain/commitment';
import { beijingDate, formatDay } from '../../src/domain/dates';
import { acceptsFigure, formatFigure, formatTarget } from '../../src/domain/progress';
import { parseUpdateInput, type CommitmentUpdateInput } from '../../src/domain/update-rules';
import type { Random } from './random';

/** How a sample commitment's story ends, as its verdict will read after the deadline. */
type Outcome = 'on_time' | 'late' | 'unfinished' | 'unreported';

/** Most 2020 promises reached on time, some late, some never, a few never reported at all. */
const OUTCOMES: ReadonlyArray<readonly [Outcome, number]> = [
  ['on_time', 70],
  ['late', 12],
  ['unfinished', 12],
  ['unreported', 6],
];

/** The departments' people who report progress (not accounts: sample updates name them only). */
const AUTHORS = [
  { id: 'sample-reporter-1', name: '市发展改革委 王敏', role: 'admin' as const },
  { id: 'sample-reporter-2', name: '市教育局 李静', role: 'worker' as const },
  { id: 'sample-reporter-3', name: '市住建局 张磊', role: 'worker' as const },
  { id: 'sample-reporter-4', name: '市人社局 刘洋', role: 'worker' as const },
  { id: 'sample-reporter-5', name: '市卫健委 陈芳', role: 'worker' as const },
];

export interface PlannedUpdate {
  commitment: Commitment;
  input: CommitmentUpdateInput;
  author: (typeof AUTHORS)[number];
  /** When it is posted: the sample's year, in the order of the days the figures describe. */
  postedAt: Date;
}

/** The last day of the month `index` months after January 2020. */
function monthEnd(index: number): string {
  return new Date(Date.UTC(2020, index + 1, 0)).toISOString().slice(0, 10);
}

/** The figure that reads as `percent` of the target (below it for less than 100). */
function figureFor(target: Target, percent: number, random: Random): number {
  const round = (n: number) => Math.round(n * 100) / 100;
  if (target.qualifier === 'at_most') {
    // A ceiling: kept while the figure stays under it.
    return percent >= 100
      ? round(target.value * (0.85 + random.next() * 0.15))
      : round((target.value * 100) / Math.max(percent, 1));
  }
  if (percent >= 100) return round(target.value * (1 + random.next() * 0.08));
  return Math.min(round((target.value * percent) / 100), round(target.value * 0.99));
}

function note(target: Target | null, input: CommitmentUpdateInput, reached: boolean): string {
  const day = formatDay(input.asOf!);
  if (reached)
    return `截至${day}，已达到目标${target ? `（${formatTarget(target)}）` : ''}，已验收。`;
  const done =
    input.value !== undefined && target
      ? formatFigure(input.value, target.unit)
      : `${input.percent}%`;
  return `截至${day}，已完成${done}，正在按计划推进。`;
}

/** The reports of one commitment: monthly or bimonthly through 2020 (into 2021 for late ones), rising to its end. */
function reportsOf(commitment: Commitment, outcome: Outcome, random: Random) {
  if (outcome === 'unreported') return [];
  const every = random.pick([1, 1, 2]);
  const last = outcome === 'late' ? 11 + random.int(2, 8) : 11 + (random.chance(0.2) ? 3 : 0);
  const months: number[] = [];
  for (let m = random.int(1, 4); m < last; m += every) months.push(m);
  months.push(last);
  // On time: reached in one of the last months of 2020; late: in 2021; unfinished: never.
  const reachedBy = random.int(7, 11);
  const reachAt =
    outcome === 'on_time'
      ? months.findIndex((m) => m >= reachedBy)
      : outcome === 'late'
        ? months.findIndex((m) => m > 11)
        : months.length;
  const final = outcome === 'unfinished' ? random.int(55, 95) : 100;
  return months.slice(0, reachAt < 0 ? months.length : reachAt + 1).map((month, i, kept) => {
    const reached = i >= reachAt;
    const share = (i + 1) / kept.length;
    const percent = reached
      ? 100
      : Math.min(99, Math.round(final * share * (0.9 + random.next() * 0.1)));
    const asOf = monthEnd(month);
    const input: CommitmentUpdateInput = acceptsFigure(commitment.target)
      ? { value: figureFor(commitment.target, percent, random), note: '', asOf }
      : { percent, note: '', asOf };
    return { ...input, note: note(commitment.target, input, reached) };
  });
}

/**
 * A plausible history of progress for the commitments, checked by the progress form's own rule: each update as a
 * worker would post it, posted over the year before `now` in the order of the days its figures describe.
 */
export function planProgress(
  random: Random,
  { commitments, now }: { commitments: Commitment[]; now: Date },
): PlannedUpdate[] {
  const today = beijingDate(now);
  const planned = commitments.flatMap((commitment) =>
    reportsOf(commitment, random.weighted(OUTCOMES), random).map((input) => {
      const checked = parseUpdateInput(input, commitment.target, today);
      if (!checked.ok) throw new Error(`sample update refused: ${JSON.stringify(checked.errors)}`);
      return { commitment, input: checked.value, author: random.pick(AUTHORS) };
    }),
  );
  planned.sort((a, b) =>
    a.input.asOf! < b.input.asOf! ? -1 : a.input.asOf! > b.input.asOf! ? 1 : 0,
  );
  const year = 365 * 24 * 3600 * 1000;
  const start = now.getTime() - year;
  return planned.map((update, i) => ({
    ...update,
    postedAt: new Date(start + ((i + random.next()) / Math.max(planned.length, 1)) * year),
  }));
}
