import type { Target } from './commitment';

/**
 * Progress in percent (0–100, whole numbers) from a delivered figure and the target.
 * A ceiling (以内, e.g. 失业率控制在4.5%以内) is met while the figure stays under it.
 */
export function percentFromValue(value: number, target: Target): number {
  if (target.qualifier === 'at_most') {
    return value <= target.value ? 100 : clampPercent((target.value / value) * 100);
  }
  if (target.value <= 0) return 0;
  return clampPercent((value / target.value) * 100);
}

export function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, Math.floor(percent)));
}

/** How a target reads in Chinese: 11所, 5万人以上, 3.5%左右, 4.5%以内, 全部. */
export function formatTarget(target: Target): string {
  const figure = `${target.value}${target.unit}`;
  switch (target.qualifier) {
    case 'at_least':
      return `${figure}以上`;
    case 'about':
      return `${figure}左右`;
    case 'at_most':
      return `${figure}以内`;
    case 'all':
      return '全部完成';
    case 'exact':
      return figure;
  }
}
