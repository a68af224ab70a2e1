import { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { registerAccessibleShell } from './services/accessible-shell';
import { registerOfflineShell } from './services/offline-shell';
import { flushOutbox, startOutbox } from './services/outbox';
import './app.scss';

/**
 * H5: runs `task` once the page has loaded, a second has passed and the browser is idle. On a slow link `load` comes
 * before the first page is drawn (its scripts are in, its work is not done), and the offline shell, which downloads
 * every file of the build, slowed that first screen by about 100 ms (decision 012).
 */
function afterFirstScreen(task: () => void): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return task();
  const idle = () =>
    'requestIdleCallback' in window ? void window.requestIdleCallback(task) : task();
  const later = () => void setTimeout(idle, 1000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

function App({ children }: PropsWithChildren) {
  // Requests written offline go out as soon as the app opens or comes back to the front.
  useLaunch(() => {
    startOutbox();
    afterFirstScreen(registerOfflineShell);
    registerAccessibleShell();
  });
  useDidShow(() => void flushOutbox());
  return children;
}

export default App;
