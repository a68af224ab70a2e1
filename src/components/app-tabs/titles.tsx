import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import type { AppTabsProps } from './index';

/**
 * The tabs' titles in NutUI's markup and classes (its look), each a tab with its selected state, in the keyboard's
 * order: a list, as NutUI's Tabs take for `title` on the mini-program (index.tsx); the browser (index.h5.tsx) puts
 * them in a plain strip.
 */
export function tabTitles({
  tabs,
  value,
  onChange,
}: Pick<AppTabsProps, 'tabs' | 'value' | 'onChange'>): ReactNode[] {
  return tabs.map((tab) => {
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
  });
}
