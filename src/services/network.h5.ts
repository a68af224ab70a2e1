/** Calls back whenever the browser gets a connection again: the page's `online` event. */
export function onNetworkBack(callback: () => void): void {
  window.addEventListener('online', () => callback());
}
