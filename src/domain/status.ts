/**
 * A commitment's status is derived, never typed in: from its progress, the dates its figures describe and its
 * deadline. While the deadline is ahead it tells how the work is going; once it has passed, a verdict tells whether
 * the promise was kept. Every rule that depends on today takes `now`, so tests can fix it.
 */
export const COMMITMENT_STATUSES = [
  { code: 'not_started', name: '未启动', meaning: '还没有上报进展', verdict: false },
  { code: 'on_track', name: '推进中', meaning: '正在推进，进度跟得上时间', verdict: false },
  { code: 'behind', name: '滞后', meaning: '进度落后于时间，需要加快', verdict: false },
  { code: 'done', name: '已完成', meaning: '已达到承诺的目标', verdict: false },
  {
    code: 'done_on_time',
    name: '按期完成',
    meaning: '期限到时已达到承诺的目标：有一次上报的数字，截至期限当天或更早，达到了目标',
    verdict: true,
  },
  {
    code: 'done_late',
    name: '逾期完成',
    meaning: '达到了目标，但晚于期限：达到目标的数字截至期限之后',
    verdict: true,
  },
  {
    code: 'unfinished',
    name: '未完成',
    meaning: '期限已过，上报过进展，但从没有达到目标',
    verdict: true,
  },
  { code: 'unreported', name: '未上报', meaning: '期限已过，从没有上报过进展', verdict: true },
] as const;

export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]['code'];

/** The statuses that tell how the work is going while the deadline is ahead. */
export type ProgressStatus = Extract<
  (typeof COMMITMENT_STATUSES)[number],
  { verdict: false }
>['code'];
/** The statuses that say, once the deadline has passed, whether the promise was kept. */
export type Verdict = Extract<(typeof COMMITMENT_STATUSES)[number], { verdict: true }>['code'];

export const COMMITMENT_STATUS_CODES = COMMITMENT_STATUSES.map((s) => s.code);
export const VERDICTS = COMMITMENT_STATUSES.filter((s) => s.verdict).map((s) => s.code as Verdict);

export function isVerdict(status: CommitmentStatus): status is Verdict {
  return (VERDICTS as readonly string[]).includes(status);
}

/** How far, in percentage points, progress may trail the share of time elapsed before it counts as 滞后. */
export const BEHIND_MARGIN = 10;

/** Commitments of the 2020 report run from the start of 2020 to their deadline. */
export const COMMITMENTS_START = '2020-01-01T00:00:00+08:00';

export function commitmentStatusName(code: CommitmentStatus): string {
  return COMMITMENT_STATUSES.find((s) => s.code === code)!.name;
}

/** The last moment of a deadline day, Beijing time. */
function deadlineEnd(deadline: string): number {
  return Date.parse(`${deadline}T23:59:59.999+08:00`);
}

/** Share of the period from `start` to the end of `deadline` (a date, Beijing time) that has passed: 0–1. */
export function elapsedShare(now: Date, deadline: string, start = COMMITMENTS_START): number {
  const from = Date.parse(start);
  const share = (now.getTime() - from) / (deadlineEnd(deadline) - from);
  return Math.min(1, Math.max(0, share));
}

export function isPastDeadline(deadline: string, now: Date): boolean {
  return now.getTime() > deadlineEnd(deadline);
}

export interface StatusInput {
  /** 0–100 of the figure with the latest `asOf`, or null when nothing has been reported yet. */
  percent: number | null;
  /** The earliest `asOf` (YYYY-MM-DD) of an update that reached the target, or null if none did. */
  reachedOn: string | null;
  deadline: string;
  now: Date;
}

export function deriveStatus({ percent, reachedOn, deadline, now }: StatusInput): CommitmentStatus {
  if (isPastDeadline(deadline, now)) {
    if (reachedOn !== null) return reachedOn <= deadline ? 'done_on_time' : 'done_late';
    return percent === null ? 'unreported' : 'unfinished';
  }
  if (percent === null) return 'not_started';
  if (percent >= 100) return 'done';
  const expected = elapsedShare(now, deadline) * 100;
  return percent < expected - BEHIND_MARGIN ? 'behind' : 'on_track';
}

/**
 * The first moment after `now` at which `deriveStatus` answers otherwise with the same progress, or null when it
 * never will (a verdict stays). Time only moves a status forward (推进中 → 滞后 → a verdict at the deadline), so the
 * moments that keep today's status run from `now` to the change: found by halving, with `deriveStatus` itself as
 * the judge, to the millisecond. A cache of statuses is good until then.
 */
export function statusChangesAt(input: StatusInput): Date | null {
  const status = deriveStatus(input);
  // The first moment past the deadline: a verdict, which no progress status equals.
  let changed = deadlineEnd(input.deadline) + 1;
  let same = input.now.getTime();
  if (same >= changed) return null;
  while (changed - same > 1) {
    const mid = Math.floor((same + changed) / 2);
    if (deriveStatus({ ...input, now: new Date(mid) }) === status) same = mid;
    else changed = mid;
  }
  return new Date(changed);
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * How late a target was reached, as a person says it: 晚了 5 天, 晚了 3 个月, 晚了 1 年 2 个月. Months are counted
 * on the calendar, a part month as a whole one; under a month, days.
 */
export function formatLateness(reachedOn: string, deadline: string): string {
  const days = Math.round((Date.parse(reachedOn) - Date.parse(deadline)) / DAY_MS);
  if (days < 31) return `晚了 ${Math.max(days, 1)} 天`;
  const [y1, m1, d1] = deadline.split('-').map(Number);
  const [y2, m2, d2] = reachedOn.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 > d1 ? 1 : 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `晚了 ${months} 个月`;
  return rest === 0 ? `晚了 ${years} 年` : `晚了 ${years} 年 ${rest} 个月`;
}
