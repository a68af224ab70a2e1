// 查询诉求 on the real H5 build and the real server: a request filed on one phone is found on another by its number
// and phone, then followed there like the phone's own.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhoneContext, screenshot } from '../support/browser';
import { fileRequest, startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(180_000);

describe('a request looked up on another phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('is found by its number and phone, and kept on the new phone', async () => {
    // Filed on the first phone (through the API, as its app does).
    const { ticketNo } = await fileRequest(server, {
      category: 'environment',
      content: '小区门口的垃圾桶满了三天没人清运，气味很大',
      district: '卫东区',
      address: undefined,
      anonymous: false,
      phone: '13912345678',
    });

    // The second phone knows nothing of it, and offers the lookup.
    const page = await (await newPhoneContext(browser)).newPage();
    await page.goto(
      `${server.url}/#/pages/request-detail/index?no=${encodeURIComponent(ticketNo)}`,
    );
    await page.getByText('这部手机上没有这件诉求').waitFor({ timeout: 20_000 });
    await page.locator('.nut-button', { hasText: '用编号和手机号查询' }).tap();

    const phone = page.locator('input[placeholder="11 位手机号码"]');
    await phone.waitFor({ timeout: 15_000 });
    expect(await page.locator('input[placeholder^="例如"]').inputValue()).toBe(ticketNo);
    await phone.fill('13800000000');
    await page.locator('.nut-button', { hasText: '查询' }).last().tap();
    await page.getByText('没有找到这条诉求，请核对受理编号和手机号码').waitFor({ timeout: 15_000 });
    await screenshot(page, 'request-lookup-not-found');

    await phone.fill('13912345678');
    await page.locator('.nut-button', { hasText: '查询' }).last().tap();
    await page.locator('.request-detail__no', { hasText: ticketNo }).waitFor({ timeout: 15_000 });
    await page.getByText('小区门口的垃圾桶满了三天没人清运').first().waitFor();
    await screenshot(page, 'request-lookup-found');

    // From now on it is one of this phone's requests.
    await page.goto(`${server.url}/#/pages/my-requests/index`);
    await page.getByTestId('my-request').filter({ hasText: ticketNo }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'my-requests-after-lookup');
  });
});
