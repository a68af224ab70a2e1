// What used to be a toast, on the real H5 build (services/feedback.ts): in the standard look Taro's toast, which
// goes by itself; in 长辈模式 a notice in the page, large and read out, that stays until 知道了 is tapped.
import type { Browser, Page } from 'playwright-core';
import { presetElderMode, seriousViolations } from '../support/accessibility';
import { launchBrowser, newPhoneContext, screenshot, settle } from '../support/browser';
import {
  fileRequest,
  startServer,
  type FiledRequest,
  type ServerProcess,
} from '../support/server-process';

jest.setTimeout(120_000);

const WAIT = { timeout: 30_000 };

describe('feedback after an action', () => {
  let server: ServerProcess;
  let browser: Browser;
  let mine: FiledRequest;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    mine = await fileRequest(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The request's page on a phone that filed it, in the mode given; then 复制 tapped. */
  async function copyTheNumber(elder: boolean): Promise<Page> {
    const context = await newPhoneContext(browser);
    await presetElderMode(context, elder);
    await context.addInitScript((ticket) => {
      window.localStorage.setItem('tickets.mine', JSON.stringify({ data: [ticket] }));
    }, mine);
    const page = await context.newPage();
    await page.goto(
      `${server.url}/#/pages/request-detail/index?no=${encodeURIComponent(mine.ticketNo)}`,
    );
    await page.getByText('办理经过').waitFor(WAIT);
    await settle(page);
    await page.locator('.request-detail__no-row .nut-button').tap();
    return page;
  }

  /** The words of Taro's toast while it is on screen (its box is shown and opaque), or null. */
  const toastOnScreen = (page: Page) =>
    page.evaluate(() => {
      const toast = document.querySelector<HTMLElement>('.taro__toast');
      if (!toast) return null;
      const style = getComputedStyle(toast);
      return style.display !== 'none' && style.opacity !== '0' ? toast.innerText.trim() : null;
    });
  const notice = (page: Page) => page.getByTestId('feedback-notice');

  it('is a toast that goes by itself in the standard look', async () => {
    const page = await copyTheNumber(false);
    await page.waitForFunction(
      () => {
        const toast = document.querySelector<HTMLElement>('.taro__toast');
        const style = toast && getComputedStyle(toast);
        return style?.display !== 'none' && style?.opacity === '1' && toast?.innerText.trim();
      },
      undefined,
      WAIT,
    );
    expect(await toastOnScreen(page)).toBe('已复制编号');
    expect(await notice(page).count()).toBe(0);
    await page.waitForTimeout(5_000);
    expect(await toastOnScreen(page)).toBeNull();
    await page.context().close();
  });

  it('stays in 长辈模式, large and read out, until 知道了 is tapped', async () => {
    const page = await copyTheNumber(true);
    await notice(page).waitFor(WAIT);
    expect(await notice(page).textContent()).toContain('已复制编号');
    // Taro's own 内容已复制 toast is taken away at once, and no other comes.
    await page.waitForTimeout(300);
    expect(await toastOnScreen(page)).toBeNull();

    await page.waitForTimeout(5_000);
    expect(await notice(page).isVisible()).toBe(true);
    expect(await toastOnScreen(page)).toBeNull();
    await screenshot(page, 'feedback-elder-notice');

    const measured = await notice(page).evaluate((box) => {
      /** WCAG's contrast ratio of two computed colours (rgb or rgba on an opaque background). */
      const luminance = (color: string) => {
        const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      const background = (el: Element | null): string => {
        for (let at = el; at; at = at.parentElement) {
          const bg = getComputedStyle(at).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const text = box.querySelector('.feedback-notice__text')!;
      const close = [...box.querySelectorAll('.nut-button')].find((b) =>
        b.textContent?.includes('知道了'),
      )!;
      const closeText = close.querySelector('.nut-button-children') ?? close;
      const rect = close.getBoundingClientRect();
      return {
        region: box.parentElement?.getAttribute('role'),
        live: box.parentElement?.getAttribute('aria-live'),
        textPx: parseFloat(getComputedStyle(text).fontSize),
        textContrast: contrast(getComputedStyle(text).color, background(text)),
        closePx: parseFloat(getComputedStyle(closeText).fontSize),
        closeContrast: contrast(getComputedStyle(closeText).color, background(closeText)),
        close: { width: rect.width, height: rect.height },
        inView: box.getBoundingClientRect().bottom <= window.innerHeight,
      };
    });
    expect(measured.region).toBe('status');
    expect(measured.live).toBe('polite');
    expect(measured.textPx).toBeGreaterThanOrEqual(18);
    expect(measured.closePx).toBeGreaterThanOrEqual(18);
    expect(measured.textContrast).toBeGreaterThanOrEqual(4.5);
    expect(measured.closeContrast).toBeGreaterThanOrEqual(4.5);
    expect(measured.close.width).toBeGreaterThanOrEqual(48);
    expect(measured.close.height).toBeGreaterThanOrEqual(48);
    expect(measured.inView).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.feedback-notice .nut-button', { hasText: '知道了' }).tap();
    await notice(page).waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByText('已复制编号').count()).toBe(0);
    await page.context().close();
  });
});
