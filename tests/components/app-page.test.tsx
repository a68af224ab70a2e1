import '@testing-library/jest-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AppPage from '@/components/app-page';
import { isElderMode, setElderMode } from '@/services/elder-mode';
import { fontScale } from '@/services/font-scale';
import MinePage from '@/pages/me';

jest.mock('@/services/font-scale', () => ({ fontScale: jest.fn(() => 1) }));
const scale = fontScale as jest.MockedFunction<typeof fontScale>;

/** A phone that never had the app, at the standard text size. */
beforeEach(() => {
  setElderMode(false);
  Taro.clearStorageSync();
  scale.mockReturnValue(1);
});

const root = () => document.querySelector<HTMLElement>('.app-page')!;

describe('AppPage: the root of every page', () => {
  it('carries the elder class and theme only in 长辈模式, and drops them when switched back', () => {
    render(<AppPage className="x-page">页面内容</AppPage>);
    expect(root()).toHaveClass('app-page', 'x-page', 'nut-configprovider');
    expect(root()).not.toHaveClass('elder');
    act(() => setElderMode(true));
    expect(root()).toHaveClass('app-page', 'x-page', 'elder');
    expect(root().style.getPropertyValue('--nutui-button-default-height')).toBe('var(--app-tap)');
    act(() => setElderMode(false));
    expect(root()).not.toHaveClass('elder');
    expect(root().style.getPropertyValue('--nutui-button-default-height')).toBe('');
  });

  it('carries the text-size setting into the font variables', () => {
    scale.mockReturnValue(1.25);
    render(<AppPage>页面内容</AppPage>);
    expect(root().style.getPropertyValue('--app-font-scale')).toBe('1.25');
  });

  it('offers 长辈模式 once, in the page, when the text is large', () => {
    scale.mockReturnValue(1.375);
    const first = render(<AppPage>页面内容</AppPage>);
    expect(screen.getByText('要打开长辈模式吗？')).toBeInTheDocument();
    first.unmount();
    render(<AppPage>页面内容</AppPage>);
    expect(screen.queryByText('要打开长辈模式吗？')).toBeNull();
  });

  it('turns the mode on from the offer', () => {
    scale.mockReturnValue(1.375);
    render(<AppPage>页面内容</AppPage>);
    fireEvent.click(screen.getByText('打开长辈模式'));
    expect(isElderMode()).toBe(true);
    expect(screen.queryByText('要打开长辈模式吗？')).toBeNull();
    expect(root()).toHaveClass('elder');
  });

  it('is not offered at the standard text size', () => {
    render(<AppPage>页面内容</AppPage>);
    expect(screen.queryByText('要打开长辈模式吗？')).toBeNull();
  });
});

describe('the 长辈模式 switch on 我的', () => {
  it('is a switch named by its words that says its state, and turns the mode on and off', () => {
    render(<MinePage />);
    const toggle = screen.getByRole('switch', { name: /长辈模式/ });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByText('已关闭')).toBeInTheDocument();
    fireEvent.click(toggle);
    expect(isElderMode()).toBe(true);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('已开启')).toBeInTheDocument();
    fireEvent.click(toggle);
    expect(isElderMode()).toBe(false);
  });
});
