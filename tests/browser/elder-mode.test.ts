// 长辈模式 on the real H5 build: the switch on 我的 changes every page at once, is remembered across reloads, and
// switching back restores today's look; a phone whose text is set large is offered the mode once.
import type { Browser, Page } from 'playwright-core';
import { presetElderMode } from '../support/accessibility';
import { launchBrowser, newPhoneContext, screenshot, settle } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(120_000);

const WAIT = { timeout: 30_000 };

/** A page on a phone whose browser text size is `standard` px (16 is the default). */
async function pageWithTextSize(browser: Browser, standard: number): Promise<Page> {
  const page = await (await newPhoneContext(browser)).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard } });
  return page;
}

async function openHome(page: Page, url: string) {
  await page.goto(`${url}/#/pages/index/index`);
  await page.getByText(/数据截至 \d{4}/).waitFor(WAIT);
  await settle(page);
}

const elderRoot = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('elder'));
/**
 * Text size in CSS px, and against the root's (Taro sizes the 750 design in rem and sets the root's size from the
 * window's width, which can differ by a fraction from one load to the next).
 */
const textSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      return { px, rem: px / parseFloat(getComputedStyle(document.documentElement).fontSize) };
    });

describe('长辈模式', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is switched on 我的 for every page, remembered across reloads, and switched back to today’s look', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openHome(page, server.url);
    const standard = await textSize(page, '.home-asof');
    expect(await page.getByText('我要反映问题').count()).toBe(0);

    await page.goto(`${server.url}/#/pages/me/index`);
    const toggle = page.getByRole('switch', { name: /长辈模式/ });
    await toggle.waitFor(WAIT);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.tap();
    await page.getByText('已开启').waitFor(WAIT);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await elderRoot(page)).toBe(true);
    await settle(page);
    await screenshot(page, 'elder-me-switched-on');

    // 首页 reduced to the essentials, in larger text; still so after a reload.
    await openHome(page, server.url);
    await page.getByText('我要反映问题').waitFor(WAIT);
    expect((await textSize(page, '.home-asof')).px).toBeGreaterThanOrEqual(18);
    await page.reload();
    await page.getByText('我要反映问题').waitFor(WAIT);
    expect(await elderRoot(page)).toBe(true);

    // Off again: today's look, text for text.
    await page.goto(`${server.url}/#/pages/me/index`);
    await page.getByText('已开启').waitFor(WAIT);
    await page.getByRole('switch', { name: /长辈模式/ }).tap();
    await page.getByText('已关闭').waitFor(WAIT);
    await openHome(page, server.url);
    expect(await page.getByText('我要反映问题').count()).toBe(0);
    expect((await textSize(page, '.home-asof')).rem).toBeCloseTo(standard.rem, 5);
    expect(await elderRoot(page)).toBe(false);
    await context.close();
  });

  it('draws the tab bar large in 长辈模式, and its labels at 12 px at least in the standard look', async () => {
    const tabBar = async (elder: boolean) => {
      const context = await newPhoneContext(browser);
      await presetElderMode(context, elder);
      const page = await context.newPage();
      await openHome(page, server.url);
      const measured = await page.evaluate(() =>
        [...document.querySelectorAll('.taro-tabbar__tabbar [role=tab]')].map((tab) => {
          const rect = tab.getBoundingClientRect();
          const label = tab.querySelector('.weui-tabbar__label')!;
          return {
            text: label.textContent,
            px: parseFloat(getComputedStyle(label).fontSize),
            width: rect.width,
            height: rect.height,
          };
        }),
      );
      await screenshot(page, `tab-bar-${elder ? 'elder' : 'standard'}`);
      await context.close();
      return measured;
    };

    const standard = await tabBar(false);
    expect(standard.map((tab) => tab.text)).toEqual(['首页', '民生实事', '民呼必应', '我的']);
    for (const tab of standard) expect(tab.px).toBeGreaterThanOrEqual(12);

    const elder = await tabBar(true);
    expect(elder).toHaveLength(4);
    for (const tab of elder) {
      expect(tab.px).toBeGreaterThanOrEqual(18);
      expect(tab.width).toBeGreaterThanOrEqual(48);
      expect(tab.height).toBeGreaterThanOrEqual(48);
    }
  });

  it('is offered once, in the page, when the browser text is set large', async () => {
    const page = await pageWithTextSize(browser, 22);
    await openHome(page, server.url);
    const offer = page.getByTestId('elder-offer');
    await offer.waitFor(WAIT);
    await screenshot(page, 'elder-offer');
    // Not a pop-up: part of the page, and gone for good once shown.
    await page.reload();
    await page.getByText(/数据截至 \d{4}/).waitFor(WAIT);
    expect(await offer.count()).toBe(0);
    await page.context().close();
  });

  it('turns on from the offer', async () => {
    const page = await pageWithTextSize(browser, 22);
    await openHome(page, server.url);
    await page.locator('.nut-button', { hasText: '打开长辈模式' }).tap();
    await page.getByText('我要反映问题').waitFor(WAIT);
    expect(await elderRoot(page)).toBe(true);
    await page.context().close();
  });

  it('is not offered at the standard text size', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openHome(page, server.url);
    expect(await page.getByTestId('elder-offer').count()).toBe(0);
    await context.close();
  });
});
