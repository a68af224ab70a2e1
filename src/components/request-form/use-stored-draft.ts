import { useEffect, useRef } from 'react';
import type { Form } from '@/hooks/use-form';
import { saveDraft, type RequestDraft } from './draft';

const DRAFT_SAVE_MS = 400;

type DraftForm = Pick<
  Form<RequestDraft, unknown, string>,
  'draft' | 'hasUnsavedEdits' | 'markSaved'
>;

/**
 * Keeps the person's edits in storage, so that leaving the page loses nothing: a moment after the last edit, and at
 * once when the form goes away. A draft that was sent (the form reset) is gone for good and never written back.
 */
export function useStoredDraft({ draft, hasUnsavedEdits, markSaved }: DraftForm): void {
  useEffect(() => {
    if (!hasUnsavedEdits()) return;
    const timer = setTimeout(() => {
      if (!hasUnsavedEdits()) return;
      saveDraft(draft);
      markSaved();
    }, DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, hasUnsavedEdits, markSaved]);

  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  });
  useEffect(
    () => () => {
      if (hasUnsavedEdits()) saveDraft(latest.current);
    },
    [hasUnsavedEdits],
  );
}
