// 民呼必应 on the real H5 build and the real server: a citizen files a request and follows it; then files one
// with the server down, sees 待发送, and the request arrives exactly once when the server is back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SQLITE_FILE } from '../../server/db/database';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  launchBrowser,
  newPhoneContext,
  screenshot,
  SCREENSHOT_DIR,
  settle,
  waitForOfflineShell,
} from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const TICKET_NO = /PDS\d{8}-\d{4,8}/;

/** A small blue square: a real PNG, as the server checks the bytes of every upload. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAB4CAIAAAC2BqGFAAAAs0lEQVR42u3QQQ0AAAgEoEtnHDMZ1Rb6YSMBqR4ORIFo0YgWLdqCaNGIFi3agmjRiBYtGtGiES1aNKJFI1q0aESLRrRo0YgWjWjRohEtGtGiRSNaNKJFi0a0aESLFo1o0YgWLRrRohEtWjSiRSNatGhEi0a0aNGIFo1o0aIRLRrRokUjWjSiRYtGtGhEixaNaNGIFi0a0aIRLVo0okUjWrRoRItGtGjRiBaNaNGiES0a0f8WoP+5V3T7hysAAAAASUVORK5CYII=',
  'base64',
);

/** A worker of 湛河区 (made with the operator's CLI on the server's data) moves a request on through the API. */
async function workerMoves(server: ServerProcess, ticketNo: string) {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli/worker.ts',
      'add',
      '--username',
      'zhanhe01',
      '--password',
      'lamp-post-2026',
      '--district',
      '湛河区',
      '--name',
      '李网格',
    ],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir }, stdio: 'pipe' },
  );
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhanhe01', password: 'lamp-post-2026' }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const [status, note] of [
    ['dispatched', '已派给湛河区市政路灯所'],
    ['in_progress', '维修人员已到现场'],
    ['resolved', '已更换灯泡，路灯恢复正常'],
  ]) {
    const res = await fetch(`${server.url}/api/tickets/${ticketNo}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ status, note }),
    });
    expect(res.status).toBeLessThan(300);
  }
}

async function fullScreenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** What Taro keeps in localStorage under `key` (H5 wraps each value as `{ data }`). */
async function stored<T>(page: Page, key: string): Promise<T | null> {
  const raw = await page.evaluate((k) => window.localStorage.getItem(k), key);
  if (!raw) return null;
  const parsed = JSON.parse(raw) as { data?: T } | T;
  return parsed && typeof parsed === 'object' && 'data' in parsed
    ? (parsed.data as T)
    : (parsed as T);
}

function countTickets(dataDir: string, content?: string): number {
  const db = new SQLite(path.join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    const row = content
      ? db.prepare('select count(*) as n from tickets where content = ?').get(content)
      : db.prepare('select count(*) as n from tickets').get();
    return (row as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Fills the form as a person does: taps a choice, taps into a box and types. */
async function fillForm(page: Page, content: string, phone: string) {
  const typeInto = async (box: Locator, text: string) => {
    await box.tap();
    await box.pressSequentially(text);
  };
  await page.getByRole('radio', { name: '市政设施' }).tap();
  await typeInto(page.locator('.request-form__textarea textarea'), content);
  await page.getByRole('radio', { name: '湛河区' }).tap();
  await typeInto(page.getByRole('textbox', { name: '详细地址' }), '开源路与光明路交叉口');
  await typeInto(page.getByRole('textbox', { name: '手机号码' }), phone);
  await page.getByText('我已阅读并同意以上说明').tap();
}

describe('民呼必应: filing and following a request', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    context = await newPhoneContext(browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('files a request, shows the number to read out, and tracks it', async () => {
    await page.goto(`${server.url}/#/pages/requests/index`);
    await page.getByText('反映什么问题').waitFor({ timeout: 20_000 });
    // Later tests stop the server: the app's pages then come from its service worker, as on a phone.
    await waitForOfflineShell(page);
    await screenshot(page, 'requests-form-empty');
    await fullScreenshot(page, 'requests-form-empty-full');

    await page.locator('.nut-button', { hasText: '提交诉求' }).tap();
    await page.getByText('请选择诉求类别').waitFor();
    for (const message of [
      '请把问题说清楚，至少 10 个字',
      '请选择所在县（市、区）',
      '请填写手机号码，或选择匿名反映',
      '请阅读并同意个人信息处理说明',
    ]) {
      await page.getByText(message).waitFor();
    }
    await settle(page); // the form scrolls to the first message
    await screenshot(page, 'requests-form-errors');
    await fullScreenshot(page, 'requests-form-errors-full');

    const content = '开源路与光明路交叉口的路灯坏了一个多星期，晚上过马路看不清';
    await fillForm(page, content, '13812341234');
    // The box takes the rule's 1000 characters, not the platform's default 140.
    expect(
      await page.locator('.request-form__textarea textarea').getAttribute('maxlength'),
    ).not.toBe('140');
    await page.getByText(`${[...content].length}/1000`).waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('.nut-button', { hasText: '添加照片' }).tap(),
    ]);
    await chooser.setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.nut-button', { hasText: '添加照片（1/3）' }).waitFor({ timeout: 15_000 });
    await fullScreenshot(page, 'requests-form-filled-full');
    expect(await page.getByText('请选择诉求类别').count()).toBe(0);

    await page.locator('.nut-button', { hasText: '提交诉求' }).tap();
    await page.getByText('您的受理编号').waitFor({ timeout: 15_000 });
    const ticketNo = (await page.locator('.receipt__number').innerText()).trim();
    expect(ticketNo).toMatch(TICKET_NO);
    await screenshot(page, 'requests-success');

    // The phone keeps the number and the token; the token alone opens the request, and the phone shows masked.
    const mine = await stored<{ ticketNo: string; accessToken: string }[]>(page, 'tickets.mine');
    expect(mine).toEqual([expect.objectContaining({ ticketNo })]);
    const api = await fetch(`${server.url}/api/tickets/${ticketNo}`, {
      headers: { 'X-Ticket-Token': mine![0].accessToken },
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({
      ticketNo,
      content,
      status: 'received',
      phone: '138****1234',
      photos: [expect.stringMatching(/^\/api\/uploads\//)],
    });
    expect((await fetch(`${server.url}/api/tickets/${ticketNo}`)).status).toBe(404);

    await page.locator('.nut-button', { hasText: '查看办理进度' }).tap();
    await page.getByText('办理经过').waitFor({ timeout: 15_000 });
    await page.locator('.request-detail__no', { hasText: ticketNo }).waitFor();
    for (const step of ['已受理', '已派单', '办理中', '已办结']) {
      await page.locator('.nut-step', { hasText: step }).waitFor();
    }
    await page.getByText('138****1234').waitFor();
    expect(await page.getByText('13812341234').count()).toBe(0);
    await page.locator('.request-detail .photo-grid__photo').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.request-detail .photo-grid__photo').count()).toBe(1);
    await screenshot(page, 'request-detail');
    await fullScreenshot(page, 'request-detail-full');

    // The worker closes it; the citizen sees every step and rates it, once.
    await workerMoves(server, ticketNo);
    await page.reload();
    await page.getByText('已更换灯泡，路灯恢复正常').waitFor({ timeout: 15_000 });
    await page.getByText('这件事办得您满意吗？').waitFor();
    await screenshot(page, 'request-detail-resolved');
    await page.getByRole('radio', { name: '满意', exact: true }).tap();
    await page.locator('.nut-button', { hasText: '提交评价' }).tap();
    await page.getByText('您的评价：满意').waitFor({ timeout: 15_000 });
    expect(await page.locator('.nut-button', { hasText: '提交评价' }).count()).toBe(0);
    await fullScreenshot(page, 'request-detail-rated');

    // Visit 我的诉求 once now, so its page code is loaded as on a phone that has the app installed.
    await page.goto(`${server.url}/#/pages/my-requests/index`);
    await page.locator('.my-requests__no', { hasText: ticketNo }).waitFor({ timeout: 15_000 });
    expect(countTickets(server.dataDir)).toBe(1);
  });

  it('keeps a request filed while the server is down as 待发送 and delivers it exactly once', async () => {
    // A fresh start of the app on the 民呼必应 tab (the tab still shows the last receipt otherwise).
    await page.goto(`${server.url}/#/pages/requests/index`);
    await page.reload();
    await page.getByText('反映什么问题').waitFor({ timeout: 20_000 });
    const content = '建设路小区门口的下水道堵了，下雨天污水漫到人行道上';
    await fillForm(page, content, '13912345678');

    await server.stop();
    // A photo picked with no network waits on the phone with the request.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('.nut-button', { hasText: '添加照片' }).tap(),
    ]);
    await chooser.setFiles({ name: 'drain.png', mimeType: 'image/png', buffer: PHOTO });
    await page
      .locator('.photo-picker__waiting', { hasText: '待上传' })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'requests-photo-waiting');
    await page.locator('.nut-button', { hasText: '提交诉求' }).tap();
    await page.getByText('待发送').waitFor({ timeout: 20_000 });
    await page.getByText(/网络恢复后会自动发送/).waitFor();
    await screenshot(page, 'requests-queued');
    const queued = await stored<{ key: string }[]>(page, 'tickets.outbox');
    expect(queued).toHaveLength(1);
    expect(queued![0].key).toMatch(/^[0-9a-f-]{36}$/);

    // 我的诉求 lists it first, as 待发送.
    await page.locator('.nut-button', { hasText: '查看我的诉求' }).tap();
    const waiting = page.locator('.my-requests__card', { hasText: '待发送' });
    await waiting.waitFor({ timeout: 15_000 });
    expect(await waiting.count()).toBe(1);
    await settle(page); // the page slides in
    await screenshot(page, 'my-requests-queued');

    server = await startServer({ dataDir: server.dataDir, port: server.port });
    // The outbox tries again by itself; the list shows the number once the server has it.
    await waiting.waitFor({ state: 'detached', timeout: 90_000 });
    expect(await stored(page, 'tickets.outbox')).toEqual([]);
    const mineNow = await stored<{ ticketNo: string }[]>(page, 'tickets.mine');
    expect(mineNow).toHaveLength(2);
    const ticketNo = mineNow![0].ticketNo;
    expect(ticketNo).toMatch(TICKET_NO);
    await page.locator('.my-requests__no', { hasText: ticketNo }).waitFor({ timeout: 15_000 });

    // The receipt left open on the 民呼必应 tab now shows the number too.
    await page.goBack();
    await page.locator('.receipt__number', { hasText: ticketNo }).waitFor({ timeout: 15_000 });
    await settle(page); // the page slides back
    await screenshot(page, 'requests-delivered');

    // Opening the app again must not send it a second time.
    await page.goto(`${server.url}/#/pages/my-requests/index`);
    await page.reload();
    await page.locator('.my-requests__no', { hasText: ticketNo }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2_000);
    expect(countTickets(server.dataDir, content)).toBe(1);
    expect(countTickets(server.dataDir)).toBe(2);
    expect(await page.locator('.my-requests__card').count()).toBe(2);
    await screenshot(page, 'my-requests');
    await fullScreenshot(page, 'my-requests-full');

    const mine = await stored<{ ticketNo: string; accessToken: string }[]>(page, 'tickets.mine');
    const token = mine!.find((t) => t.ticketNo === ticketNo)!.accessToken;
    const api = await fetch(`${server.url}/api/tickets/${ticketNo}`, {
      headers: { 'X-Ticket-Token': token },
    });
    const filed = await api.json();
    expect(filed).toMatchObject({ ticketNo, content, district: '湛河区' });
    // The photo went up when the server came back, before the request.
    expect(filed.photos).toEqual([expect.stringMatching(/^\/api\/uploads\/[0-9a-f]{32}\.png$/)]);
    expect((await fetch(`${server.url}${filed.photos[0]}`)).status).toBe(200);
  });

  it('sends a request left waiting on the phone when the app is opened again', async () => {
    await page.goto(`${server.url}/#/pages/requests/index`);
    await page.reload();
    await page.getByText('反映什么问题').waitFor({ timeout: 20_000 });
    const content = '叶县昆阳大道公交站的站牌倒了，等车的人看不到线路';
    await fillForm(page, content, '13712345678');

    await server.stop();
    await page.locator('.nut-button', { hasText: '提交诉求' }).tap();
    await page.getByText('待发送').waitFor({ timeout: 20_000 });
    // The person closes the app while it is waiting; the server comes back while it is closed.
    await page.close();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    expect(countTickets(server.dataDir, content)).toBe(0);

    page = await context.newPage();
    await page.goto(`${server.url}/#/pages/index/index`);
    await waitUntil(() => countTickets(server.dataDir, content) === 1, 30_000);
    await page.goto(`${server.url}/#/pages/my-requests/index`);
    const mine = await stored<{ ticketNo: string }[]>(page, 'tickets.mine');
    await page
      .locator('.my-requests__no', { hasText: mine![0].ticketNo })
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('.my-requests__card', { hasText: '待发送' }).count()).toBe(0);
    await page.waitForTimeout(2_000);
    expect(countTickets(server.dataDir, content)).toBe(1);
  });

  it('opens 反映问题 from a commitment with that commitment linked by its title', async () => {
    const { items } = (await (await fetch(`${server.url}/api/commitments?limit=1`)).json()) as {
      items: { id: string; title: string }[];
    };
    await page.goto(
      `${server.url}/#/pages/request-form/index?commitmentId=${encodeURIComponent(items[0].id)}`,
    );
    await page.locator('.commitment-picker__title', { hasText: items[0].title }).waitFor({
      timeout: 20_000,
    });
    await page.getByText('反映什么问题').waitFor();
  });
});
