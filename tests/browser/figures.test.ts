// The 数据 page on the real H5 build and server: reached from 首页, its charts drawn on canvas, its figures as text;
// in 长辈模式 the text instead of the charts. Screenshots of both at 390×844.
import type { Browser, Page } from 'playwright-core';
import { presetElderMode, seriousViolations } from '../support/accessibility';
import { launchBrowser, newPhoneContext, screenshot, settle } from '../support/browser';
import { fileRequest, startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(180_000);

/** How many pixels of a canvas have been painted. */
const painted = (page: Page, selector: string) =>
  page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count += 1;
    return count;
  });

describe('the 数据 page', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    for (const district of ['新华区', '新华区', '卫东区']) {
      await fileRequest(server, { content: '建设路与中兴路交叉口的路灯坏了一个多月', district });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is reached from 首页 and draws its charts, with every figure as text', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('figures-link').tap({ timeout: 20_000 });
    await page.getByText('各区县诉求量（近 12 个月）').waitFor({ timeout: 20_000 });
    expect(await painted(page, '#chart-districts')).toBeGreaterThan(100);
    expect(await painted(page, '#chart-weeks')).toBeGreaterThan(100);
    await expect(page.getByText('新华区：2 件').count()).resolves.toBe(1);
    expect(await page.locator('canvas[aria-hidden="true"]').count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    await settle(page);
    await screenshot(page, 'figures-standard');
    await context.close();
  });

  it('in 长辈模式 shows the figures as text instead of the charts', async () => {
    const context = await newPhoneContext(browser);
    await presetElderMode(context, true);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/figures/index`);
    const row = page.getByText('新华区：2 件');
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('canvas').first().isVisible()).toBe(false);
    await settle(page);
    await screenshot(page, 'figures-elder');
    await context.close();
  });
});
