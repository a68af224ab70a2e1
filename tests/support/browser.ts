import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, missingBrowserPackages } from './browser-packages';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/screenshots');

/** Debian's Chromium through playwright-core (never a downloaded browser), with a fresh profile each launch. */
export async function launchBrowser(): Promise<Browser> {
  const missing = missingBrowserPackages();
  if (missing.length > 0) {
    throw new Error(
      `Browser tests need ${missing.join(' and ')}: apt-get install -y chromium fonts-wqy-microhei`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 390×844, touch, as the H5 build's buttons listen to touch events. */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Waits until the app's service worker (src/service-worker.ts) controls the page: from then on, what the page
 * loads is kept for offline use, as on a resident's phone after the first visit.
 */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
}

/** About 130 ms at 60 frames a second: more than the 50 ms the form waits before it scrolls to its first message. */
const STILL_FRAMES = 8;

/**
 * Waits until nothing on the page moves (the page's slide-in, a toast, a scroll the app started) and its fonts are
 * in. Taro's `pageScrollTo` scrolls on timers, not as an animation: the page is still when its scroll position has
 * stayed put for STILL_FRAMES frames.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  await page.waitForFunction(
    ({ call, frames }) => {
      const scroll = [...document.querySelectorAll('.taro_page')]
        .map((taroPage) => taroPage.scrollTop)
        .concat(window.scrollY)
        .join();
      const seen = window as unknown as {
        settling?: { call: number; scroll: string; still: number };
      };
      const last = seen.settling?.call === call ? seen.settling : null;
      const still = last?.scroll === scroll ? last.still + 1 : 0;
      seen.settling = { call, scroll, still };
      return still >= frames;
    },
    { call: Math.random(), frames: STILL_FRAMES },
  );
}
