// The worker's day on the real H5 build and the real server: an account made with the operator's CLI signs in,
// posts progress on a commitment that residents then see, and closes a resident's request.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhoneContext, SCREENSHOT_DIR, settle } from '../support/browser';
import {
  fileRequest,
  startServer,
  type FiledRequest,
  type ServerProcess,
} from '../support/server-process';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const USERNAME = 'xinhua01';
const PASSWORD = 'yingcheng2020';
// 城区社区规范化建设: 108 个.
const COMMITMENT_ID = 'housing-community-standardization-108';
const NOTE = '新华区、卫东区 54 个社区完成规范化建设，已通过验收';

function runCli(args: string[], dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    execFile(
      'npx',
      ['tsx', 'server/cli/worker.ts', ...args],
      { cwd: ROOT, env },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    );
  });
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The page at rest: its slide-in and any toast finished.
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The real <input> of a Taro field (its taro-input-core wrapper carries the same placeholder). */
const textbox = (page: Page, placeholder: string) =>
  page.locator(`input[placeholder="${placeholder}"]`);

/** A NutUI button by its text; Taro H5 buttons listen to touch. */
const button = (page: Page, text: string) =>
  page.locator('.nut-button').filter({ hasText: text }).first();

describe('a community worker on the H5 app', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let ticket: FiledRequest;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-worker-e2e-'));
    // The operator makes the account on the server's data directory before the server starts.
    const out = await runCli(
      [
        'add',
        '--username',
        USERNAME,
        '--password',
        PASSWORD,
        '--district',
        '新华区',
        '--name',
        '张网格',
      ],
      dataDir,
    );
    expect(out).toContain('已创建账号');
    [browser, server] = await Promise.all([launchBrowser(), startServer({ dataDir })]);

    // A resident files a request in the worker's district, through the API.
    ticket = await fileRequest(server, {
      anonymous: false,
      contactName: '王女士',
      phone: '13812341234',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, posts progress that residents see at once, and resolves a request', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();

    // Sign in.
    await page.goto(`${server.url}/#/worker/login/index`);
    await textbox(page, '请输入用户名').waitFor({ timeout: 30_000 });
    await textbox(page, '请输入用户名').fill(USERNAME);
    await textbox(page, '请输入密码').fill('wrong-password1');
    await button(page, '登录').tap();
    await page.getByText('用户名或密码不正确').waitFor({ timeout: 15_000 });
    await textbox(page, '请输入密码').fill(PASSWORD);
    await shot(page, 'worker-login');
    await button(page, '登录').tap();

    // Home: who is signed in, and the two entries.
    await page.getByText('张网格').waitFor({ timeout: 15_000 });
    await page.getByText('社区工作者 · 新华区').waitFor();
    await page.getByText('待办 1 件').waitFor({ timeout: 15_000 });
    await shot(page, 'worker-home');

    // Post an update: find the commitment by searching.
    await page.locator('.worker-home__entry').filter({ hasText: '上报进展' }).tap();
    await textbox(page, '搜索民生实事，如 幼儿园、社区').waitFor({ timeout: 15_000 });
    await textbox(page, '搜索民生实事，如 幼儿园、社区').fill('社区规范化');
    const option = page.getByTestId('commitment-option').filter({ hasText: '城区社区规范化建设' });
    await option.waitFor({ timeout: 15_000 });
    await option.tap();
    await textbox(page, '例如 108').fill('54');
    await page.getByText('提交后进度：50%').waitFor();
    await page.locator('.post-update__note-input textarea').fill(NOTE);
    await shot(page, 'worker-post-update');
    await button(page, '提交进展').tap();
    await page.getByText('已上报').waitFor({ timeout: 15_000 });
    await page.getByText('进度 50%').waitFor();
    await button(page, '复制链接分享').waitFor();
    await shot(page, 'worker-post-update-done');

    // A resident (a different phone, nobody signed in) sees the new progress and the note.
    const resident = await (await newPhoneContext(browser)).newPage();
    await resident.goto(`${server.url}/#/pages/commitment-detail/index?id=${COMMITMENT_ID}`);
    await resident.getByText(NOTE).waitFor({ timeout: 30_000 });
    await resident.getByText('50%', { exact: false }).first().waitFor();
    await resident.getByText('张网格').first().waitFor();
    await shot(resident, 'worker-resident-sees-update');

    // The queue: the resident's request, with its number.
    await page.goto(`${server.url}/#/worker/tickets/index`);
    const item = page.getByTestId('ticket-item').filter({ hasText: ticket.ticketNo });
    await item.waitFor({ timeout: 15_000 });
    await shot(page, 'worker-tickets');
    await item.tap();

    // The request in full: the whole phone number for staff, then 办结 with a note.
    await page.getByText('13812341234').waitFor({ timeout: 15_000 });
    await page.getByText('王女士').waitFor();
    await shot(page, 'worker-ticket-detail');
    await button(page, '办结').tap();
    await page.locator('.ticket-detail__note textarea').fill('已更换路灯灯头，当晚恢复照明');
    await button(page, '确认办结').tap();
    await page.locator('.ticket-detail__head').getByText('已办结').waitFor({ timeout: 15_000 });
    await shot(page, 'worker-ticket-resolved');

    // The resident's tracking page, on the phone that holds the request's token.
    const citizen = await (await newPhoneContext(browser)).newPage();
    await citizen.addInitScript((mine) => {
      window.localStorage.setItem('tickets.mine', JSON.stringify({ data: [mine] }));
    }, ticket);
    await citizen.goto(
      `${server.url}/#/pages/request-detail/index?no=${encodeURIComponent(ticket.ticketNo)}`,
    );
    await citizen.getByText('已更换路灯灯头，当晚恢复照明').waitFor({ timeout: 30_000 });
    await citizen.getByText('已办结').first().waitFor();
    await shot(citizen, 'worker-citizen-sees-resolved');

    // Signing out ends the session on the server: the old token no longer works.
    const token = await page.evaluate(
      () => JSON.parse(window.localStorage.getItem('worker.session') ?? '{}').data?.token as string,
    );
    expect(token).toEqual(expect.any(String));
    await page.goto(`${server.url}/#/worker/home/index`);
    await button(page, '退出登录').tap();
    await textbox(page, '请输入用户名').waitFor({ timeout: 15_000 });
    const me = await fetch(`${server.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(401);
  });
});
