import { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { registerAccessibleShell } from './services/accessible-shell';
import { registerOfflineShell } from './services/offline-shell';
import { flushOutbox, startOutbox } from './services/outbox';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Requests written offline go out as soon as the app opens or comes back to the front.
  useLaunch(() => {
    startOutbox();
    registerOfflineShell();
    registerAccessibleShell();
  });
  useDidShow(() => void flushOutbox());
  return children;
}

export default App;
