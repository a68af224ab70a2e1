// The resident's path on the real H5 build and the real server (SQLite, the report's commitments):
// overview → 民生实事 → filter → the kindergarten commitment → 我的 → 关于, then the same list offline.
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  newPhoneContext,
  screenshot as save,
  settle,
  waitForOfflineShell,
} from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { seedUpdates } from './resident-seed';
import { COMMITMENT_STATUSES } from '../../src/domain/status';
import commitmentsJson from '../../data/commitments.json';
import type { CommitmentSource } from '../../src/domain/commitment';

jest.setTimeout(180_000);

const STATUS_NAMES = COMMITMENT_STATUSES.map((s) => s.name);
const CARD = '.commitments-page .commitment-card';

/** The dataset the server loads: the counts the pages show follow it. */
const commitments = commitmentsJson as CommitmentSource[];
const countOf = (category: string) => commitments.filter((c) => c.category === category).length;

/** A screenshot once the page has come to rest (its slide-in finished). */
async function screenshot(page: Page, name: string) {
  await settle(page);
  await save(page, name);
}

async function cardCount(page: Page) {
  return page.locator(CARD).count();
}

describe('the resident app', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    seedUpdates(server.dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the list on a category tapped on the overview', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.home-category', { hasText: '医疗健康' }).tap({ timeout: 20_000 });
    await page.getByText(`共 ${countOf('health')} 项（已筛选）`).waitFor({ timeout: 20_000 });
    const categories = await page.locator(`${CARD} .commitment-card__category`).allInnerTexts();
    expect(new Set(categories)).toEqual(new Set(['医疗健康']));
    await context.close();
  });

  it("follows the reader's text size: larger browser text, larger cards", async () => {
    const titleSize = async (standardFontSize?: number) => {
      const context = await newPhoneContext(browser);
      const page = await context.newPage();
      if (standardFontSize) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: standardFontSize } });
      }
      await page.goto(`${server.url}/#/pages/commitments/index`);
      const title = page.locator(`${CARD} .commitment-card__title`).first();
      await title.waitFor({ timeout: 20_000 });
      const px = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      if (standardFontSize) await screenshot(page, 'resident-list-large-text');
      await context.close();
      return px;
    };
    const standard = await titleSize();
    const large = await titleSize(22);
    expect(large / standard).toBeCloseTo(22 / 16, 1);
  });

  it('walks from the overview to the kindergarten commitment, then works offline', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();

    // 首页: overall figures, a visible 数据截至, the 民呼必应 block.
    await page.goto(server.url);
    await page.getByText(/^数据截至 \d{4}-\d\d-\d\d \d\d:\d\d/).waitFor({ timeout: 20_000 });
    await page.getByText(`总体进展 · ${commitments.length} 项民生实事`).waitFor();
    await page.getByText('民呼必应', { exact: true }).first().waitFor();
    await screenshot(page, 'resident-home');
    // The first visit installs the offline shell; the pages opened from here on are kept with it.
    await waitForOfflineShell(page);

    // 民生实事: at least ten cards, each with its status in words.
    await page.locator('.taro-tabbar__tabbar').getByText('民生实事', { exact: true }).tap();
    await page.locator(CARD).nth(9).waitFor({ timeout: 20_000 });
    expect(await cardCount(page)).toBeGreaterThanOrEqual(10);
    const statuses = await page.locator(`${CARD} .commitment-status-tag`).allInnerTexts();
    expect(statuses.length).toBeGreaterThanOrEqual(10);
    for (const status of statuses) expect(STATUS_NAMES).toContain(status.trim());
    await screenshot(page, 'resident-list');

    // Filter by a category: only 教育 is left.
    await page.locator('.filters__categories').getByText('教育', { exact: true }).tap();
    await page.getByText(`共 ${countOf('education')} 项（已筛选）`).waitFor();
    const categories = await page.locator(`${CARD} .commitment-card__category`).allInnerTexts();
    expect(categories.length).toBe(countOf('education')); // under one page of 20
    expect(new Set(categories)).toEqual(new Set(['教育']));
    await screenshot(page, 'resident-list-education');

    // The kindergarten commitment and the report's sentence on its detail.
    await page.locator(CARD, { hasText: '新建改扩建幼儿园' }).first().tap();
    await page.getByText('“新建改扩建幼儿园11所”').waitFor({ timeout: 20_000 });
    await page.locator('.detail-page').getByText('6 / 11 所').waitFor();
    await page.getByText('2019年：24 所').waitFor();
    await page.getByText('反映问题', { exact: true }).waitFor();
    expect(page.url()).toContain('/pages/commitment-detail/index?id=edu-kindergartens-11');
    await screenshot(page, 'resident-detail');
    await page.getByText('反映问题', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'resident-detail-actions');

    // A deep link opens straight on the detail.
    const linked = await context.newPage();
    await linked.goto(`${server.url}/#/pages/commitment-detail/index?id=edu-kindergartens-11`);
    await linked.getByText('“新建改扩建幼儿园11所”').waitFor({ timeout: 20_000 });
    await linked.close();

    // 我的 and 关于.
    await page.goto(`${server.url}/#/pages/me/index`);
    await page.reload();
    await page.getByText('工作人员登录').waitFor({ timeout: 20_000 });
    await page.getByText('我的诉求').waitFor();
    await screenshot(page, 'resident-me');
    await page.locator('.me-entry', { hasText: '关于本程序' }).tap();
    await page.getByText('数据从哪里来').waitFor({ timeout: 20_000 });
    await page
      .getByText(/平顶山市2020年政府工作报告/)
      .first()
      .waitFor();
    await screenshot(page, 'resident-about');

    // Offline: the server stops. The page itself comes from the service worker, the list from what the app
    // kept in storage, under the offline banner.
    await server.stop();
    await page.goto(`${server.url}/#/pages/commitments/index`);
    await page.reload();
    await page.getByText(/离线 · 数据截至 \d{4}-\d\d-\d\d \d\d:\d\d/).waitFor({ timeout: 30_000 });
    expect(await cardCount(page)).toBeGreaterThanOrEqual(10);
    expect(await page.getByText('加载失败').count()).toBe(0);
    await screenshot(page, 'resident-offline');

    // The detail read earlier opens offline too.
    await page.locator(CARD, { hasText: '新建改扩建幼儿园' }).first().tap();
    const detail = page.locator('.detail-page');
    await detail.getByText('“新建改扩建幼儿园11所”').waitFor({ timeout: 20_000 });
    await detail.getByText(/离线 · 数据截至/).waitFor();
    await screenshot(page, 'resident-offline-detail');

    // So does the overview, loaded before the service worker took charge.
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.reload();
    await page.getByText(/离线 · 数据截至/).waitFor({ timeout: 20_000 });
    await page.getByText(`总体进展 · ${commitments.length} 项民生实事`).waitFor();
    expect(await page.getByText(/^数据截至/).count()).toBe(0); // the banner says it once
    await screenshot(page, 'resident-offline-home');

    // A page never opened online opens too: the 民呼必应 form, to file a request with no signal.
    await page.locator('.taro-tabbar__tabbar').getByText('民呼必应', { exact: true }).tap();
    await page.getByText('反映什么问题').waitFor({ timeout: 20_000 });
    await page.getByText('提交诉求').waitFor();
    await screenshot(page, 'resident-offline-request-form');
    await context.close();
  });
});
