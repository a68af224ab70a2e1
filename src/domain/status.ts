/**
 * A commitment's status is derived, never typed in: from its progress and the share of its time that has passed.
 * Every rule that depends on today takes `now`, so tests can fix it.
 */
export const COMMITMENT_STATUSES = [
  { code: 'not_started', name: '未启动', meaning: '还没有上报进展' },
  { code: 'on_track', name: '推进中', meaning: '正在推进，进度跟得上时间' },
  { code: 'behind', name: '滞后', meaning: '进度落后于时间，需要加快' },
  { code: 'done', name: '已完成', meaning: '已达到承诺的目标' },
] as const;

export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]['code'];

export const COMMITMENT_STATUS_CODES = COMMITMENT_STATUSES.map((s) => s.code);

/** How far, in percentage points, progress may trail the share of time elapsed before it counts as 滞后. */
export const BEHIND_MARGIN = 10;

/** Commitments of the 2020 report run from the start of 2020 to their deadline. */
export const COMMITMENTS_START = '2020-01-01T00:00:00+08:00';

export function commitmentStatusName(code: CommitmentStatus): string {
  return COMMITMENT_STATUSES.find((s) => s.code === code)!.name;
}

/** Share of the period from `start` to the end of `deadline` (a date, Beijing time) that has passed: 0–1. */
export function elapsedShare(now: Date, deadline: string, start = COMMITMENTS_START): number {
  const from = Date.parse(start);
  const to = Date.parse(`${deadline}T23:59:59+08:00`);
  const share = (now.getTime() - from) / (to - from);
  return Math.min(1, Math.max(0, share));
}

export interface StatusInput {
  /** 0–100, or null when nothing has been reported yet. */
  percent: number | null;
  deadline: string;
  now: Date;
}

export function deriveStatus({ percent, deadline, now }: StatusInput): CommitmentStatus {
  if (percent === null) return 'not_started';
  if (percent >= 100) return 'done';
  const expected = elapsedShare(now, deadline) * 100;
  return percent < expected - BEHIND_MARGIN ? 'behind' : 'on_track';
}
