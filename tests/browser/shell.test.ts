import type { Browser } from 'playwright-core';
import { launchBrowser, newPhoneContext, screenshot } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(60_000);

describe('the H5 app shell', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the overview with the four tabs of the tab bar', async () => {
    const page = await (await newPhoneContext(browser)).newPage();
    await page.goto(server.url);
    const tabBar = page.locator('.taro-tabbar__tabbar');
    for (const tab of ['首页', '民生实事', '民呼必应', '我的']) {
      await tabBar.getByText(tab, { exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
    }
    await screenshot(page, 'shell-home');
  });
});
