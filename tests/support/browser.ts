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

/** The H5 build the server serves (H5_DIR, as the server reads it). */
export const H5_DIR = path.resolve(__dirname, '../..', process.env.H5_DIR ?? 'dist/h5');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

/**
 * The app's own files come from the build folder, as a mini-program's package is on the phone: with the server
 * down, only the API is out of reach.
 */
export async function serveAppFromBuild(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/api/')) return route.continue();
    const file = path.join(H5_DIR, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(H5_DIR) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      contentType: MIME[path.extname(file)] ?? 'application/octet-stream',
    });
  });
}
