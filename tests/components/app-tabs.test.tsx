import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type * as Weapp from '@/components/app-tabs';
import type * as H5 from '@/components/app-tabs/index.h5';

// `index.tsx` is the mini-program's, `index.h5.tsx` the browser's; these tests see the H5 one unless asked
// (jest.config.js). The test stand-in of Taro's View writes `ariaRole` as `role`, as WeChat reads `aria-role`;
// config/weapp-aria (tests/services/weapp-aria.test.ts) carries the attributes into the mini-program's templates.
const weapp = jest.requireActual<typeof Weapp>('../../src/components/app-tabs/index.tsx');
const h5 = jest.requireActual<typeof H5>('@/components/app-tabs');

const TABS = [
  { code: 'all', name: '全部' },
  { code: 'education', name: '教育' },
  { code: 'health', name: '医疗健康' },
];

function Chooser({ AppTabs }: { AppTabs: typeof weapp.default }) {
  const [value, setValue] = useState('all');
  return (
    <>
      <AppTabs tabs={TABS} value={value} onChange={setValue} label="按类别筛选" />
      <p>已选 {value}</p>
    </>
  );
}

describe('AppTabs in the mini-program', () => {
  it('is a tablist named by its label, of tabs with their selected state', () => {
    render(<Chooser AppTabs={weapp.default} />);
    const list = screen.getByRole('tablist', { name: '按类别筛选' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['全部', '教育', '医疗健康']);
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual([
      'true',
      'false',
      'false',
    ]);
  });

  it('moves the selection to the tab tapped, and tells the page', () => {
    render(<Chooser AppTabs={weapp.default} />);
    fireEvent.click(screen.getByRole('tab', { name: '教育' }));
    expect(screen.getByText('已选 education')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '教育' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '全部' })).toHaveAttribute('aria-selected', 'false');
  });

  it('keeps NutUI’s look: its title classes, the chosen one marked active', () => {
    render(<Chooser AppTabs={weapp.default} />);
    const chosen = screen.getByRole('tab', { name: '全部' });
    expect(chosen).toHaveClass('nut-tabs-titles-item', 'nut-tabs-titles-item-active');
    expect(chosen.querySelector('.nut-tabs-titles-item-line')).not.toBeNull();
    expect(screen.getByRole('tab', { name: '教育' })).not.toHaveClass(
      'nut-tabs-titles-item-active',
    );
  });
});

describe('AppTabs in the browser', () => {
  it('is NutUI’s tabs, which the H5 shell announces as tabs', () => {
    render(<Chooser AppTabs={h5.default} />);
    expect(document.querySelectorAll('.nut-tabs-titles-item')).toHaveLength(3);
    fireEvent.click(screen.getByText('教育'));
    expect(screen.getByText('已选 education')).toBeInTheDocument();
    expect(screen.getByText('教育').closest('.nut-tabs-titles-item')).toHaveClass(
      'nut-tabs-titles-item-active',
    );
  });
});
