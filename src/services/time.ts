import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** "3 天前", "几秒前"; "尚未更新" for a commitment that has not moved yet. */
export function fromNow(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '尚未更新';
  return dayjs(iso).from(dayjs(now));
}

/** A point in time as a resident reads it, in the phone's time zone: "2026-11-26 15:20". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '暂无';
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** A date only: "2020-12-31" → "2020年12月31日". */
export function formatDate(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日');
}
