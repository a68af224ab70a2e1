// Time to the first commitment card on the H5 build, in Debian's Chromium on a phone-sized page: a first visit
// (empty browser cache, no service worker) against a repeat visit (the offline shell installed), on loopback and
// on an emulated 3G link. Needs the H5 build and Chromium, as the browser tests do. BENCH_H5_BEFORE names another H5
// build (made with H5_DIR=… npm run build:h5 from an earlier commit) to measure in alternation with this one, visit by
// visit, so that both see the same load on a shared machine.
import os from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureH5Build } from '../server/h5-build';
import { launchBrowser, newPhoneContext, waitForOfflineShell } from '../tests/support/browser';
import { startServer } from '../tests/support/server-process';

const CARD = '.commitments-page .commitment-card';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Chrome DevTools' "Fast 3G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (the service worker's own fetches are not slowed). */
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: 200_000,
  uploadThroughput: 93_750,
};

export interface FirstCardResult {
  network: string;
  firstVisitMs: number;
  repeatVisitMs: number;
  /** The same for BENCH_H5_BEFORE's build, measured in alternation. */
  before?: { firstVisitMs: number; repeatVisitMs: number };
}

async function timeToFirstCard(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator(CARD).first().waitFor({ state: 'visible', timeout: 60_000 });
  return page.evaluate(() => Math.round(performance.now()));
}

async function throttle(context: BrowserContext, page: Page, slow: boolean) {
  if (!slow) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
}

async function measure(browser: Browser, url: string, slow: boolean) {
  const context = await newPhoneContext(browser);
  try {
    const first = await context.newPage();
    await throttle(context, first, slow);
    const firstVisitMs = await timeToFirstCard(first, url);
    await waitForOfflineShell(first);
    await first.close();
    const again = await context.newPage();
    await throttle(context, again, slow);
    const repeatVisitMs = await timeToFirstCard(again, url);
    return { firstVisitMs, repeatVisitMs };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchFirstCard(): Promise<FirstCardResult[]> {
  ensureH5Build();
  const beforeDir = process.env.BENCH_H5_BEFORE;
  const servers = [await startServer()];
  if (beforeDir) servers.push(await startServer({ env: { H5_DIR: beforeDir } }));
  const browser = await launchBrowser();
  console.log(`  load average ${os.loadavg()[0].toFixed(1)} at the start`);
  const urls = servers.map((server) => `${server.url}/#/pages/commitments/index`);
  try {
    const results: FirstCardResult[] = [];
    for (const [network, slow] of [
      ['loopback', false],
      ['fast 3G', true],
    ] as const) {
      const runs: { firstVisitMs: number; repeatVisitMs: number }[][] = urls.map(() => []);
      for (let i = 0; i < RUNS; i += 1) {
        for (const [u, url] of urls.entries()) runs[u].push(await measure(browser, url, slow));
      }
      const medians = runs.map((r) => ({
        firstVisitMs: median(r.map((v) => v.firstVisitMs)),
        repeatVisitMs: median(r.map((v) => v.repeatVisitMs)),
      }));
      results.push({ network, ...medians[0], ...(beforeDir && { before: medians[1] }) });
      if (beforeDir) {
        console.log(
          `  ${network}, BENCH_H5_BEFORE in alternation: first visit ${medians[1].firstVisitMs} ms, ` +
            `repeat visit ${medians[1].repeatVisitMs} ms (load average ${os.loadavg()[0].toFixed(1)})`,
        );
      }
    }
    return results;
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
}
