/** Dates as the city keeps them: calendar days in Beijing time (UTC+8, no daylight saving), written YYYY-MM-DD. */

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The Beijing calendar day of a moment: 2020-12-31T16:30Z is already 2021-01-01 in Pingdingshan. */
export function beijingDate(moment: Date): string {
  return new Date(moment.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (not 2020-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A day as a resident reads it: 2020-12-31 → 2020年12月31日. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}
