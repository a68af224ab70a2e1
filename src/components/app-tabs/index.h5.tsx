import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { AppTabsProps } from './index';
import { tabTitles } from './titles';
// NutUI's look without its Tabs: this stylesheet is what `import { Tabs }` brings along.
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/style.css';

export type { AppTab, AppTabsProps } from './index';

/**
 * The browser's tabs: the titles of titles.tsx in a strip of NutUI's markup, a tablist named by `label`. NutUI's own
 * Tabs set their scroll view's position again on every render, which forced the page's layout while 民生实事 was
 * first drawn (decision 012); here the chosen tab is brought into view only when it is not the first. The
 * mini-program's twin (index.tsx) keeps NutUI's Tabs.
 */
export default function AppTabs({ tabs, value, onChange, label, className }: AppTabsProps) {
  const list = useRef<HTMLElement>(null);
  useEffect(() => {
    const chosen = list.current?.querySelector('[aria-selected="true"]');
    if (chosen && chosen.previousElementSibling) {
      chosen.scrollIntoView({ block: 'nearest', inline: 'center' });
    }
  }, [value]);
  return (
    <View className={className}>
      <View className="nut-tabs nut-tabs-horizontal">
        <View className="nut-tabs-titles nut-tabs-titles-line" ariaRole="tablist" ariaLabel={label}>
          <View className="nut-tabs-list" ref={list}>
            {tabTitles({ tabs, value, onChange })}
          </View>
        </View>
      </View>
    </View>
  );
}
