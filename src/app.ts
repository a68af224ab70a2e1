import { PropsWithChildren } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import './app.scss';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
