import type { Target } from './commitment';
import { parsed, type FieldError, type Parsed } from './errors';
import { isCalendarDate } from './dates';
import { acceptsFigure, clampPercent, percentFromValue } from './progress';
import { readText } from './text';
import { photosError } from './uploads';

/** Limits of a progress update: the worker's form shows them, and the server enforces the same ones. */
export const UPDATE_LIMITS = { noteMin: 2, noteMax: 500, photosMax: 3 } as const;

/** What a worker posts: `POST /api/commitments/:id/updates`. Exactly one of `value` and `percent`. */
export interface CommitmentUpdateInput {
  /** The delivered figure in the target's unit; only for commitments with a target. */
  value?: number;
  /** 0–100, for commitments without a figure (or when only the share is known). */
  percent?: number;
  note: string;
  /** URLs returned by `POST /api/uploads`. */
  photos?: string[];
  /** The Beijing day (YYYY-MM-DD) the figure describes: 截至 2020年12月31日. Today when left out. */
  asOf?: string;
}

/** The earliest day a figure may describe: the report's promises run from 2020. */
export const EARLIEST_AS_OF = '2020-01-01';

/** When a figure was true: a real day from 2020 on and never after today (Beijing). Left out, it is today. */
export function asOfError(asOf: unknown, today: string): FieldError | null {
  if (asOf === undefined) return null;
  if (typeof asOf !== 'string' || !isCalendarDate(asOf)) {
    return { field: 'asOf', message: '请填写数据截至的日期，如 2020-12-31' };
  }
  if (asOf < EARLIEST_AS_OF) return { field: 'asOf', message: '日期不能早于 2020年1月1日' };
  if (asOf > today) return { field: 'asOf', message: '日期不能晚于今天' };
  return null;
}

/**
 * A worker's post against the commitment's target: exactly one of a figure (only where the target counts one) and a
 * whole percent, a note of 2–500 characters, at most three photos, each once, and optionally the day the figure
 * describes, from 2020 to `today` (Beijing); left out, the server dates the figure today.
 */
export function parseUpdateInput(
  raw: unknown,
  target: Target | null,
  today: string,
): Parsed<CommitmentUpdateInput> {
  const input: Partial<Record<keyof CommitmentUpdateInput, unknown>> =
    typeof raw === 'object' && raw !== null ? raw : {};
  const errors: FieldError[] = [];
  const fail = (field: keyof CommitmentUpdateInput, message: string) =>
    errors.push({ field, message });

  const hasValue = input.value !== undefined && input.value !== null;
  const hasPercent = input.percent !== undefined && input.percent !== null;
  if (hasValue === hasPercent) {
    fail(hasValue ? 'percent' : 'value', '请填写完成数值或完成百分比（二选一）');
  } else if (hasValue) {
    if (typeof input.value !== 'number' || !Number.isFinite(input.value) || input.value < 0) {
      fail('value', '完成数值应为不小于 0 的数字');
    } else if (!acceptsFigure(target)) {
      fail('value', '这项民生实事没有数量目标，请填写完成百分比');
    }
  } else if (
    typeof input.percent !== 'number' ||
    !Number.isInteger(input.percent) ||
    input.percent < 0 ||
    input.percent > 100
  ) {
    fail('percent', '完成百分比应为 0–100 的整数');
  }

  const note = readText(input.note, {
    multiline: true,
    min: UPDATE_LIMITS.noteMin,
    max: UPDATE_LIMITS.noteMax,
    tooShort: `请写明进展，至少 ${UPDATE_LIMITS.noteMin} 个字`,
  });
  if (note.error) fail('note', note.error);

  const photos = input.photos ?? [];
  const photoProblem = photosError(photos, UPDATE_LIMITS.photosMax);
  if (photoProblem) errors.push(photoProblem);

  const asOfProblem = asOfError(input.asOf, today);
  if (asOfProblem) errors.push(asOfProblem);

  return parsed(
    {
      ...(hasValue ? { value: input.value as number } : { percent: input.percent as number }),
      note: note.text,
      ...(photoProblem ? {} : { photos: photos as string[] }),
      ...(typeof input.asOf === 'string' ? { asOf: input.asOf } : {}),
    },
    errors,
  );
}

/**
 * The progress an update sets: a figure gives both the figure and its percent; a bare percent clears the
 * figure, so the card never shows a stale figure next to a newer percent.
 */
export function progressFromUpdate(
  input: Pick<CommitmentUpdateInput, 'value' | 'percent'>,
  target: Target | null,
): { current: number | null; percent: number } {
  if (input.value !== undefined && input.value !== null && acceptsFigure(target)) {
    return { current: input.value, percent: percentFromValue(input.value, target) };
  }
  return { current: null, percent: clampPercent(input.percent ?? 0) };
}
