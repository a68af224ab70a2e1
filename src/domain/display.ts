import type { Commitment } from './commitment';
import { formatFigure, formatTarget } from './progress';
import { formatLateness } from './status';

/**
 * Delivered against promised, as a card shows it: "6 / 11 所", "5.2% / 7%左右", "未上报 / 11 所".
 * Without a number to count (no target, or 全部完成), the percentage speaks: "进度 40%", "40% / 全部完成".
 */
export function formatDelivered(commitment: Pick<Commitment, 'target' | 'progress'>): string {
  const { target, progress } = commitment;
  if (!target) return `进度 ${progress.percent}%`;
  if (target.qualifier === 'all') return `${progress.percent}% / ${formatTarget(target)}`;
  // A percentage keeps its sign on both sides (5.2% / 7%左右); a count names its unit once (6 / 11 所).
  const delivered =
    progress.current === null
      ? '未上报'
      : target.unit === '%'
        ? formatFigure(progress.current, target.unit)
        : String(progress.current);
  return `${delivered} / ${formatTarget(target)}`;
}

/**
 * What a verdict adds to its name, or null: how late a late promise was kept (晚了 3 个月); a promise nobody reported
 * on is said plainly, never drawn as 0% progress. How far an unfinished one got is its figures (54 / 108 个, 50%).
 */
export function verdictDetail(
  commitment: Pick<Commitment, 'status' | 'deadline' | 'progress'>,
): string | null {
  const { status, progress, deadline } = commitment;
  if (status === 'done_late' && progress.reachedOn)
    return formatLateness(progress.reachedOn, deadline);
  if (status === 'unreported') return '期限已过，从未上报进展';
  return null;
}

/** Whether the commitment has progress to draw (a bar, a percentage): not one that was never reported on. */
export function showsProgress(commitment: Pick<Commitment, 'status'>): boolean {
  return commitment.status !== 'unreported';
}

/** The 2019 figure as a sentence part: "2019年：24 所". */
export function formatBaseline(baseline: Commitment['baseline2019']): string | null {
  if (!baseline) return null;
  return `2019年：${formatFigure(baseline.value, baseline.unit)}`;
}

/** A 0–1 rate as a whole percentage, or 暂无 when there is nothing to measure yet. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '暂无';
  return `${Math.round(rate * 100)}%`;
}

/** A count, or 暂无 when unknown. */
export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined ? '暂无' : String(count);
}

/** Hours as a person says them: "5 小时", "2.5 天" from 48 h on; 暂无 when unknown. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '暂无';
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`;
  return `${Math.round((hours / 24) * 10) / 10} 天`;
}

/** The source of every commitment; its text is kept in data/. */
export const SOURCE_REPORT = '平顶山市2020年政府工作报告';
