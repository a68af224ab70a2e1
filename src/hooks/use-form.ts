import Taro from '@tarojs/taro';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FieldError, Parsed } from '@/domain/errors';
import { isElderMode } from '@/services/elder-mode';
import { ApiError } from '@/services/http';

/**
 * How a form holds what is typed and says what is wrong, field by field.
 *
 * ```tsx
 * const form = useForm({ initial: EMPTY_LOGIN, parse: parseLoginInput });
 * <Input value={form.draft.username} onChange={(v) => form.change('username', v)} />
 * <FieldMessage id={form.messageId('username')} message={form.messageFor('username')} />
 * <SubmitWithMessage busy={form.busy} message={form.formMessage} onSubmit={() => form.submit(signIn)}>
 * ```
 *
 * - The domain's parser is the one rule. A field's message shows once the field was left (`touch`) or a send was
 *   tried, and goes away as soon as the field is right.
 * - A message the server sent about a field stays until that field is edited.
 * - `submit(send)` sends the parsed value, never the raw draft. A refusal, by the rule or by the server, puts the
 *   messages under their fields and brings the first one into view; the server's message shows above the button.
 */
export interface Form<D, V, F extends string> {
  draft: D;
  /** The person edits the draft: the server's message about that field no longer holds. */
  change<K extends keyof D>(key: K, value: Update<D[K]>): void;
  /** The draft replaced from elsewhere (storage, the page): not an edit of the person's. */
  replace(update: Update<D>): void;
  /** Starts over with this draft: no messages, nothing touched, no edits. */
  reset(draft: D): void;
  /** The person left the field (or picked a choice): its rule may speak from now on. */
  touch(field: F): void;
  /** What to show under the field, if anything. */
  messageFor(field: F): string | undefined;
  /** The id of the field's message, for the field's `aria-describedby`. */
  messageId(field: F): string;
  /** What to show above the button: why the last send did not go, while that still holds. */
  formMessage: string;
  busy: boolean;
  /** Checks the draft and, when it holds, awaits `send` with the parsed value (and the draft it came from). */
  submit(send: (value: V, draft: D) => Promise<void>): Promise<void>;
  /** Whether the person edited the draft since it was last saved, replaced or reset (for a form kept in storage). */
  hasUnsavedEdits(): boolean;
  markSaved(): void;
}

export type Update<T> = T | ((current: T) => T);

export interface FormOptions<D, V, F extends string> {
  initial: D | (() => D);
  /** The domain's rule over the draft: the value to send, or one message per wrong field. */
  parse: (draft: D) => Parsed<V>;
  /** Shown above the button while a send that the rule stopped still would be stopped; none by default. */
  invalidMessage?: string;
  /** While set, a send waits and this says why, until it no longer holds (photos still uploading). */
  notReady?: string | null;
  /** Draft keys whose messages come under another name (the linked commitment is `commitmentId`); read once. */
  fieldOf?: Partial<Record<keyof D, F>>;
}

/** Why the last send did not go: kept as a reason, so that the message goes away once the reason has. */
type Stop =
  { reason: 'invalid' } | { reason: 'not-ready' } | { reason: 'refused'; message: string };

type Messages = Partial<Record<string, string>>;

/** One message per field, the first wins (the rule lists the most useful first). */
function byField(errors: readonly FieldError[]): Messages {
  const messages: Messages = {};
  for (const { field, message } of errors) messages[field] ??= message;
  return messages;
}

function apply<T>(update: Update<T>, current: T): T {
  return typeof update === 'function' ? (update as (current: T) => T)(current) : update;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useForm<D, V, F extends string = Extract<keyof V, string>>(
  options: FormOptions<D, V, F>,
): Form<D, V, F> {
  const { parse, invalidMessage = '', notReady = null } = options;
  const [draft, setDraft] = useState<D>(options.initial);
  const [touched, setTouched] = useState<Partial<Record<F, true>>>({});
  const [tried, setTried] = useState(false);
  const [serverMessages, setServerMessages] = useState<Messages>({});
  const [stop, setStop] = useState<Stop | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const sending = useRef(false);
  const unsaved = useRef(false);
  const fieldOf = useRef<Partial<Record<keyof D, F>>>(options.fieldOf ?? {});
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');

  const parsed = parse(draft);
  const ruleMessages = parsed.ok ? {} : byField(parsed.errors);

  // After a refusal, bring the first field message into view: on a phone it is often far above the button. In
  // 长辈模式 at once, as nothing there moves by itself.
  useEffect(() => {
    if (refusals === 0) return;
    const timer = setTimeout(() => {
      Taro.pageScrollTo({
        selector: '.field-message--shown',
        duration: isElderMode() ? 0 : 200,
      }).catch(() => undefined);
    }, 50);
    return () => clearTimeout(timer);
  }, [refusals]);

  // Stable, so that a page may call them from its effects.
  const change = useCallback(<K extends keyof D>(key: K, value: Update<D[K]>) => {
    unsaved.current = true;
    setDraft((current) => ({ ...current, [key]: apply(value, current[key]) }));
    const field: string = fieldOf.current[key] ?? String(key);
    setServerMessages((messages) => {
      if (!(field in messages)) return messages;
      const { [field]: _gone, ...rest } = messages;
      return rest;
    });
  }, []);
  const replace = useCallback((update: Update<D>) => setDraft((d) => apply(update, d)), []);
  const reset = useCallback((next: D) => {
    unsaved.current = false;
    setDraft(next);
    setTouched({});
    setTried(false);
    setServerMessages({});
    setStop(null);
  }, []);
  const touch = useCallback(
    (field: F) => setTouched((t) => (t[field] ? t : { ...t, [field]: true })),
    [],
  );
  const hasUnsavedEdits = useCallback(() => unsaved.current, []);
  const markSaved = useCallback(() => {
    unsaved.current = false;
  }, []);

  async function submit(send: (value: V, draft: D) => Promise<void>) {
    if (sending.current) return;
    setTried(true);
    setStop(null);
    if (notReady) {
      setStop({ reason: 'not-ready' });
      return;
    }
    if (!parsed.ok) {
      setStop({ reason: 'invalid' });
      setRefusals((n) => n + 1);
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      await send(parsed.value, draft);
    } catch (error) {
      // Refused: keep what was typed and show why, next to the fields the server names.
      setServerMessages(byField(error instanceof ApiError ? error.details : []));
      setStop({ reason: 'refused', message: errorMessage(error) });
      setRefusals((n) => n + 1);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const formMessage =
    stop?.reason === 'refused'
      ? stop.message
      : stop?.reason === 'invalid' && !parsed.ok
        ? invalidMessage
        : stop?.reason === 'not-ready' && notReady
          ? notReady
          : '';

  return {
    draft,
    change,
    replace,
    reset,
    touch,
    messageFor: (field) =>
      serverMessages[field] ?? (tried || touched[field] ? ruleMessages[field] : undefined),
    messageId: (field) => `${idPrefix}-${field}-message`,
    formMessage,
    busy,
    submit,
    hasUnsavedEdits,
    markSaved,
  };
}
