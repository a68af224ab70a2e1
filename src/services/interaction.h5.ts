import type { ToastOptions } from './taro-interaction';

export type { ToastOptions } from './taro-interaction';

/**
 * The browser's toast, loaded on first use: Taro's H5 toast comes with its modal, its action sheet and an inline
 * font (about 6 KB brotli) that every page's scripts carried, the first visit's included (decision 012). Calls made
 * while it loads are made in order once it has.
 */
let loaded: typeof import('./taro-interaction') | null = null;
let loading: Promise<typeof import('./taro-interaction')> | null = null;

function load() {
  loading ??= import('./taro-interaction').then((module) => (loaded = module));
  return loading;
}

// Loaded at the first touch or key press too: a toast that follows a tap (复制编号, 办结) seldom waits for it then.
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown']) {
    window.addEventListener(type, () => void load(), { capture: true, once: true, passive: true });
  }
}

export function showToast(options: ToastOptions): void {
  if (loaded) loaded.showToast(options);
  else void load().then((module) => module.showToast(options));
}

/** No toast can be on screen before the toast has loaded: then there is nothing to take away. */
export function hideToast(): void {
  if (loaded) loaded.hideToast();
  else if (loading) void loading.then((module) => module.hideToast());
}

/**
 * Puts `data` on the clipboard as Taro's H5 setClipboardData does (a hidden textarea and the copy command), within
 * the tap that asked, which a browser requires of the copy command: Taro's own imports its toast to say 内容已复制,
 * and feedback.ts says it instead. Rejects where the browser has no copy command, as Taro's does.
 */
export async function setClipboardData(data: string): Promise<void> {
  if (typeof document.execCommand !== 'function') {
    throw new Error("setClipboardData:fail Unsupported Function: 'document.execCommand'.");
  }
  const textarea = document.createElement('textarea');
  textarea.readOnly = true;
  textarea.value = data;
  textarea.style.position = 'absolute';
  textarea.style.width = '100px';
  textarea.style.left = '-10000px';
  document.body.appendChild(textarea);
  textarea.select();
  textarea.setSelectionRange(0, textarea.value.length);
  document.execCommand('copy');
  document.body.removeChild(textarea);
}
