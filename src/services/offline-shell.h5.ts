/**
 * Registers /sw.js (src/service-worker.ts), which keeps the page and the build's scripts so that the app opens
 * with no network. Production builds only: the dev server has no /sw.js, and a kept page would hide a developer's
 * edits.
 */
export function registerOfflineShell(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  // A second after the page has loaded, once the browser is idle: on a slow link `load` comes before the first page
  // is drawn (its scripts are in, its work is not done), and keeping every file of the build slowed that first
  // screen by about 100 ms (decision 012).
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; offline it shows its usual network error.
    });
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? void window.requestIdleCallback(() => void register())
      : void register();
  const later = () => void setTimeout(whenIdle, 1000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
