import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { fontScale } from '@/services/font-scale';
import './index.scss';

/** Every resident page's root: carries the person's text-size setting into the app's font variables. */
export default function AppPage({
  className,
  children,
}: PropsWithChildren<{ className?: string }>) {
  return (
    <View
      className={`app-page ${className ?? ''}`}
      style={{ '--app-font-scale': String(fontScale()) } as Record<string, string>}
    >
      {children}
    </View>
  );
}
