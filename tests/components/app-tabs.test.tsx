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

describe.each([
  ['the mini-program', weapp.default],
  ['the browser', h5.default],
])('AppTabs in %s', (_, AppTabs) => {
  it('is a tablist named by its label, of tabs with their selected state', () => {
    render(<Chooser AppTabs={AppTabs} />);
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
    render(<Chooser AppTabs={AppTabs} />);
    fireEvent.click(screen.getByRole('tab', { name: '教育' }));
    expect(screen.getByText('已选 education')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '教育' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '全部' })).toHaveAttribute('aria-selected', 'false');
  });

  it('keeps NutUI’s look: its title classes, the chosen one marked active', () => {
    render(<Chooser AppTabs={AppTabs} />);
    const chosen = screen.getByRole('tab', { name: '全部' });
    expect(chosen).toHaveClass('nut-tabs-titles-item', 'nut-tabs-titles-item-active');
    expect(chosen.querySelector('.nut-tabs-titles-item-line')).not.toBeNull();
    expect(screen.getByRole('tab', { name: '教育' })).not.toHaveClass(
      'nut-tabs-titles-item-active',
    );
  });
});

describe('AppTabs in the browser', () => {
  const scrollIntoView = jest.spyOn(Element.prototype, 'scrollIntoView');
  beforeEach(() => scrollIntoView.mockClear());

  it('brings the chosen tab into view, but leaves the strip as it is while the first is chosen', () => {
    render(<Chooser AppTabs={h5.default} />);
    expect(scrollIntoView).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: '医疗健康' }));
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(screen.getByRole('tab', { name: '医疗健康' }));
  });
});
