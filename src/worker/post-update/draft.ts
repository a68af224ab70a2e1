import type { Target } from '@/domain/commitment';
import { beijingDate } from '@/domain/dates';
import type { Parsed } from '@/domain/errors';
import { acceptsFigure } from '@/domain/progress';
import { parseUpdateInput, type CommitmentUpdateInput } from '@/domain/update-rules';
import type { Form } from '@/hooks/use-form';

/** How the worker reports: the delivered figure in the target's unit, or a percent. */
export type Mode = 'value' | 'percent';

/** The update as the worker is typing it: numbers as text until sent. */
export interface UpdateDraft {
  mode: Mode;
  figure: string;
  percent: string;
  note: string;
  photos: string[];
  /** The day the figure describes, YYYY-MM-DD; '' for today. */
  asOf: string;
}

export const EMPTY_UPDATE: UpdateDraft = {
  mode: 'value',
  figure: '',
  percent: '',
  note: '',
  photos: [],
  asOf: '',
};

/** Today in Beijing: the day a figure describes unless the worker picks an earlier one. */
export function today(): string {
  return beijingDate(new Date());
}

export type UpdateField = keyof CommitmentUpdateInput;
export type UpdateForm = Form<UpdateDraft, CommitmentUpdateInput, UpdateField>;

/** A target that counts no figure (none, or 全部完成) is reported in percent only, as the domain rule has it. */
export function modeOf(draft: UpdateDraft, target: Target | null): Mode {
  return acceptsFigure(target) ? draft.mode : 'percent';
}

/** The number typed in the current mode: undefined when blank, NaN when not a number. */
export function typedNumber(draft: UpdateDraft, target: Target | null): number | undefined {
  const text = (modeOf(draft, target) === 'value' ? draft.figure : draft.percent).trim();
  return text === '' ? undefined : Number(text);
}

const FILL_IN: Record<Mode, string> = { value: '请填写完成数', percent: '请填写完成百分比' };

/** The domain's rule over the draft, against the commitment's target. */
export function parseUpdateDraft(
  draft: UpdateDraft,
  target: Target | null,
): Parsed<CommitmentUpdateInput> {
  const mode = modeOf(draft, target);
  const number = typedNumber(draft, target);
  const result = parseUpdateInput(
    { [mode]: number, note: draft.note, photos: draft.photos, asOf: draft.asOf || undefined },
    target,
    today(),
  );
  if (result.ok || number !== undefined) return result;
  // A missing number reads better as "please fill in" than as the either-or rule.
  const errors = result.errors.map((error) =>
    error.field === 'value' || error.field === 'percent'
      ? { field: mode, message: FILL_IN[mode] }
      : error,
  );
  return { ok: false, errors };
}
