import { commitmentCategoryName, type Commitment } from './commitment';
import { beijingDateTime } from './csv';
import { isCalendarDate } from './dates';
import type { District } from './districts';
import { parsed, type FieldError, type Parsed } from './errors';
import { formatFigure, formatTarget } from './progress';
import { commitmentStatusName } from './status';
import {
  isOverdue,
  ratingName,
  ticketCategoryName,
  ticketStatusName,
  type RatingScore,
  type TicketCategory,
  type TicketStatus,
} from './ticket';
import { maskPhone } from './ticket-rules';

/** `GET /api/exports/commitments.csv`: one row per commitment, in the report's order. */
export const COMMITMENT_EXPORT_HEADER = [
  '编号',
  '分类',
  '标题',
  '目标',
  '当前数值',
  '完成百分比',
  '状态',
  '最近更新',
  '数据截至',
  '报告原文',
] as const;

export function commitmentExportCells(c: Commitment): (string | number)[] {
  const { target, progress } = c;
  return [
    c.id,
    commitmentCategoryName(c.category),
    c.title,
    target ? formatTarget(target) : '',
    progress.current === null ? '' : formatFigure(progress.current, target?.unit ?? ''),
    c.updatedAt === null ? '' : progress.percent,
    commitmentStatusName(c.status),
    beijingDateTime(c.updatedAt),
    progress.asOf ?? '',
    c.quote,
  ];
}

/** What the tickets export reads of one request: its row, and the rating of its latest resolution. */
export interface TicketExportRow {
  ticketNo: string;
  category: TicketCategory;
  district: District;
  status: TicketStatus;
  createdAt: string;
  dueAt: string;
  firstResolvedAt: string | null;
  resolvedAt: string | null;
  resolutions: number;
  rating: RatingScore | null;
  phone: string | null;
}

/** `GET /api/exports/tickets.csv`: one row per request, filing order; the phone masked (138****1234). */
export const TICKET_EXPORT_HEADER = [
  '诉求编号',
  '类别',
  '区县',
  '状态',
  '提交时间',
  '应办结时间',
  '是否超期',
  '首次办结时间',
  '办结时间',
  '办结次数',
  '评价',
  '联系电话',
] as const;

export function ticketExportCells(t: TicketExportRow, now: Date): (string | number)[] {
  return [
    t.ticketNo,
    ticketCategoryName(t.category),
    t.district,
    ticketStatusName(t.status),
    beijingDateTime(t.createdAt),
    beijingDateTime(t.dueAt),
    isOverdue(t, now) ? '是' : '否',
    beijingDateTime(t.firstResolvedAt),
    beijingDateTime(t.resolvedAt),
    t.resolutions,
    t.rating === null ? '' : ratingName(t.rating),
    t.phone === null ? '' : maskPhone(t.phone),
  ];
}

/** Which days of filing an export covers (Beijing days, both included); either end may be left open. */
export interface ExportRange {
  from?: string;
  to?: string;
}

/** `?from=&to=`: real days written YYYY-MM-DD, `from` not after `to`. */
export function parseExportRange(raw: { from?: unknown; to?: unknown }): Parsed<ExportRange> {
  const errors: FieldError[] = [];
  const range: ExportRange = {};
  for (const field of ['from', 'to'] as const) {
    const value = raw[field];
    if (value === undefined || value === '') continue;
    if (typeof value === 'string' && isCalendarDate(value)) range[field] = value;
    else errors.push({ field, message: '日期应写成 2020-12-31 这样' });
  }
  if (range.from && range.to && range.from > range.to) {
    errors.push({ field: 'to', message: '结束日期不能早于开始日期' });
  }
  return parsed(range, errors);
}

/** The first moment of a Beijing day, as an ISO timestamp (UTC). */
export function beijingDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The file's name: 民呼必应诉求_2020-01-01_2020-12-31.csv. */
export function ticketExportName({ from, to }: ExportRange, today: string): string {
  return `民呼必应诉求_${from ?? '最早'}_${to ?? today}.csv`;
}
