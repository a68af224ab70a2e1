import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import type { AppTabsProps } from './index';
// NutUI's look without its Tabs: this stylesheet is what `import { Tabs }` brings along.
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/style.css';

export type { AppTab, AppTabsProps } from './index';

/**
 * The browser's tabs: NutUI's markup and classes (its look), drawn here as a tablist named by `label`, each tab with
 * its selected state and in the keyboard's order. NutUI's own Tabs set their scroll view's position again on every
 * render, which forced the page's layout while 民生实事 was first drawn (decision 012); here the chosen tab is
 * brought into view only when it is not the first. The mini-program's twin (index.tsx) keeps NutUI's Tabs.
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
            {tabs.map((tab) => {
              const selected = tab.code === value;
              return (
                <View
                  key={tab.code}
                  className={`nut-tabs-titles-item ${selected ? 'nut-tabs-titles-item-active' : ''}`}
                  ariaRole="tab"
                  aria-selected={selected}
                  {...FOCUSABLE}
                  onClick={() => onChange(tab.code)}
                >
                  <View className="nut-tabs-titles-item-line nut-tabs-titles-item-line-horizontal" />
                  <View className="nut-tabs-titles-item-text">{tab.name}</View>
                </View>
              );
            })}
          </View>
        </View>
      </View>
    </View>
  );
}
