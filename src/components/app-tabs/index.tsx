import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { tabTitles } from './titles';

export interface AppTab {
  code: string;
  name: string;
}

export interface AppTabsProps {
  tabs: readonly AppTab[];
  /** The chosen tab's code. */
  value: string;
  onChange: (code: string) => void;
  /** What the tabs choose, read with them (按类别筛选). */
  label: string;
  className?: string;
}

/**
 * NutUI's tabs, announced as tabs on WeChat: a tablist named by `label`, each tab with its selected state. NutUI
 * draws its titles as plain views, so they are drawn here (`title`, titles.tsx) with its own classes and markup (its
 * look; NutUI keeps its scrolling to the chosen tab) and WeChat's `aria-role` / `aria-selected`, which reach WXML
 * through config/weapp-aria. The browser's twin (index.h5.tsx) draws the same titles without NutUI's Tabs.
 */
export default function AppTabs({ tabs, value, onChange, label, className }: AppTabsProps) {
  return (
    <View className={className} ariaRole="tablist" ariaLabel={label}>
      <Tabs
        value={value}
        activeType="line"
        autoHeight
        duration={0}
        onChange={(next) => onChange(String(next))}
        title={() => tabTitles({ tabs, value, onChange })}
      >
        {tabs.map((tab) => (
          <Tabs.TabPane key={tab.code} value={tab.code} title={tab.name} />
        ))}
      </Tabs>
    </View>
  );
}
