import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import type { AppTabsProps } from './index';

export type { AppTab, AppTabsProps } from './index';

/**
 * NutUI's tabs in the browser, as NutUI draws them: the H5 shell (services/accessible-shell.h5.ts) makes its titles
 * a tablist of tabs with `aria-selected`, keyboard-reachable. The mini-program's twin (index.tsx) says it in props.
 */
export default function AppTabs({ tabs, value, onChange, label, className }: AppTabsProps) {
  return (
    <View className={className} ariaLabel={label}>
      <Tabs
        value={value}
        activeType="line"
        autoHeight
        duration={0}
        onChange={(next) => onChange(String(next))}
      >
        {tabs.map((tab) => (
          <Tabs.TabPane key={tab.code} value={tab.code} title={tab.name} />
        ))}
      </Tabs>
    </View>
  );
}
