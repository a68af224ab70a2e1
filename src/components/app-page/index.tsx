import { ConfigProvider } from '@nutui/nutui-react-taro';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '@/services/elder-mode';
import { fontScale } from '@/services/font-scale';
import SampleNotice from '@/components/sample-notice';
import ElderOffer from './elder-offer';
import FeedbackNotice from './feedback-notice';
import { pageTheme } from './theme';
import './index.scss';

/**
 * Every page's root: NutUI's ConfigProvider with the app's theme, the person's text-size setting, and the one
 * `elder` class of 长辈模式 (index.scss). The mode is the same on every page and follows the switch at once. At its
 * foot, what services/feedback.ts has to say in 长辈模式, until it is dismissed.
 */
export default function AppPage({
  className,
  children,
}: PropsWithChildren<{ className?: string }>) {
  const elder = useElderMode();
  return (
    <ConfigProvider
      className={`app-page ${elder ? 'elder' : ''} ${className ?? ''}`}
      theme={pageTheme(fontScale(), elder)}
    >
      <SampleNotice />
      <ElderOffer />
      {children}
      <FeedbackNotice />
    </ConfigProvider>
  );
}
