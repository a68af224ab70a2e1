import Taro from '@tarojs/taro';
import { registerAccessibleShell } from '@/services/accessible-shell';
import { setElderMode } from '@/services/elder-mode';

/** Waits for the shell's MutationObserver to see the last change. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the H5 shell around the pages', () => {
  let stop: () => void;
  beforeAll(() => {
    setElderMode(false);
    Taro.clearStorageSync();
    document.body.innerHTML = `
      <div class="taro_page"><div class="nut-checkbox" aria-role="checkbox" aria-checked="false">同意</div>
        <div class="nut-radio" aria-role="radio" tabindex="0">投诉</div></div>
      <taro-tabbar class="taro-tabbar__tabbar"><div class="weui-tabbar">
        <a class="weui-tabbar__item weui-bar__item_on">首页</a><a class="weui-tabbar__item">我的</a>
      </div></taro-tabbar>`;
    stop = registerAccessibleShell();
  });
  afterAll(() => stop());

  it('announces the tab bar as tabs, the current one selected', async () => {
    expect(document.querySelector('.weui-tabbar')).toHaveAttribute('role', 'tablist');
    const tabs = [...document.querySelectorAll('.weui-tabbar__item')];
    expect(tabs.map((t) => [t.getAttribute('role'), t.getAttribute('aria-selected')])).toEqual([
      ['tab', 'true'],
      ['tab', 'false'],
    ]);
    tabs[0].classList.remove('weui-bar__item_on');
    tabs[1].classList.add('weui-bar__item_on');
    await observed();
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'false');
  });

  it("gives NutUI's parts the role they pass in the mini-program's spelling", async () => {
    const box = document.querySelector('.nut-checkbox')!;
    expect(box).toHaveAttribute('role', 'checkbox');
    expect(box).not.toHaveAttribute('aria-role');
    const late = document.createElement('div');
    late.setAttribute('aria-role', 'switch');
    document.querySelector('.taro_page')!.append(late);
    await observed();
    expect(late).toHaveAttribute('role', 'switch');
  });

  it('makes each page the main region, reachable from the keyboard', () => {
    const page = document.querySelector('.taro_page')!;
    expect(page).toHaveAttribute('role', 'main');
    expect(page).toHaveAttribute('tabindex', '0');
  });

  it('presses a button-like part on Enter', () => {
    const radio = document.querySelector<HTMLElement>('.nut-radio')!;
    const click = jest.fn();
    radio.addEventListener('click', click);
    radio.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('puts 长辈模式 on the document too, for the tab bar outside the pages', () => {
    expect(document.documentElement).not.toHaveClass('elder');
    setElderMode(true);
    expect(document.documentElement).toHaveClass('elder');
    setElderMode(false);
    expect(document.documentElement).not.toHaveClass('elder');
  });
});
