import { useSyncExternalStore } from 'react';
import { isElderMode, subscribeElderMode } from './elder-mode';
import { hideToast, setClipboardData, showToast } from './interaction';

/**
 * The one way the app tells a person that something happened (已复制编号, 已办结, a refresh that failed). In the
 * standard look it is Taro's toast, as it always was. In 长辈模式 nothing may pop up and vanish on its own: the
 * message stays at the foot of the page (FeedbackNotice, in AppPage) until the person taps 知道了.
 */
export interface Feedback {
  /** A new message is a new notice, even with the same words. */
  id: number;
  text: string;
}

let shown: Feedback | null = null;
let lastId = 0;
const listeners = new Set<() => void>();

function publish(next: Feedback | null): void {
  shown = next;
  for (const listener of listeners) listener();
}

// Back to the standard look: a notice left open goes with the mode.
subscribeElderMode(() => {
  if (!isElderMode() && shown) publish(null);
});

/** Says `text`: a toast (a tick with `success`), or in 长辈模式 a notice that stays until it is dismissed. */
export function showFeedback(text: string, { success = false }: { success?: boolean } = {}): void {
  if (!isElderMode()) {
    showToast({ title: text, icon: success ? 'success' : 'none' });
    return;
  }
  // The platform's own toast (the mini-program's setClipboardData shows 内容已复制) would vanish by itself: this says it.
  hideToast();
  lastId += 1;
  publish({ id: lastId, text });
}

/** Copies `text` to the clipboard, then says so with `said`. */
export async function copyWithFeedback(text: string, said: string): Promise<void> {
  await setClipboardData(text);
  showFeedback(said);
}

/** 知道了: the notice goes. */
export function dismissFeedback(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

const current = () => shown;

/** The notice on screen in 长辈模式, or null. */
export function useFeedback(): Feedback | null {
  return useSyncExternalStore(subscribe, current, current);
}
