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

/** Whether a worker can report a figure against the target: only a counted target has one (not 全部完成). */
export function acceptsFigure(target: Target | null): target is Target {
  return target !== null && target.qualifier !== 'all';
}

/** Units written straight after the number (5.2%), not after a space (11 所). */
const SYMBOL_UNITS = new Set(['%']);

/** A figure with its unit, the one way the app writes one: "11 所", "5.2%". */
export function formatFigure(value: number | string, unit: string): string {
  return SYMBOL_UNITS.has(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

const QUALIFIER_SUFFIX: Record<Target['qualifier'], string> = {
  exact: '',
  at_least: '以上',
  about: '左右',
  at_most: '以内',
  all: '',
};

/** How a target reads in Chinese: 11 所, 5 万人以上, 3.5%左右, 4.5%以内, 全部完成. */
export function formatTarget(target: Target): string {
  if (target.qualifier === 'all') return '全部完成';
  return `${formatFigure(target.value, target.unit)}${QUALIFIER_SUFFIX[target.qualifier]}`;
}
