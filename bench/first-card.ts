// Time to the first commitment card on the H5 build, in Debian's Chromium on a phone-sized page: a first visit
// (empty browser cache, no service worker) against a repeat visit (the offline shell installed), on loopback and
// on an emulated 3G link. Needs the H5 build and Chromium, as the browser tests do.
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
  const server = await startServer();
  const browser = await launchBrowser();
  const url = `${server.url}/#/pages/commitments/index`;
  try {
    const results: FirstCardResult[] = [];
    for (const [network, slow] of [
      ['loopback', false],
      ['fast 3G', true],
    ] as const) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, url, slow));
      results.push({
        network,
        firstVisitMs: median(runs.map((r) => r.firstVisitMs)),
        repeatVisitMs: median(runs.map((r) => r.repeatVisitMs)),
      });
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}
