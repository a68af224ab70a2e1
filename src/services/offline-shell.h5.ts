/**
 * Registers /sw.js (src/service-worker.ts), which keeps the page and the build's scripts so that the app opens
 * with no network. Production builds only: the dev server has no /sw.js, and a kept page would hide a developer's
 * edits.
 */
export function registerOfflineShell(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  // After the page has loaded, so that keeping the files never slows the first screen.
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; offline it shows its usual network error.
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
