// A first visit to a page opened by a link (decision 012): index.html preloads the page's files and the API answers
// it asks for first, and the app takes what was preloaded rather than asking again.
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

jest.setTimeout(120_000);

describe('a first visit', () => {
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

  /** Every request the page made, by path, and the preloads index.html asked for. */
  async function visit(hash: string) {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) =>
      requested.push(new URL(request.url()).pathname + new URL(request.url()).search),
    );
    const warnings: string[] = [];
    page.on('console', (message) => void warnings.push(message.text()));
    await page.goto(`${server.url}/${hash}`);
    await page
      .locator('.commitments-page .commitment-card, .app-page')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // The custom elements of Taro's components the page's scripts defined (each when its module ran).
    const defined = await page.evaluate(
      (tags) => tags.filter((tag) => customElements.get(tag)),
      [...FORM_ELEMENTS, 'taro-view-core', 'taro-text-core', 'taro-scroll-view-core'],
    );
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload]')].map(
        (l) => new URL(l.href).pathname + new URL(l.href).search,
      ),
    );
    await context.close();
    return { requested, preloaded, warnings, defined };
  }

  const count = (list: string[], path: string) => list.filter((p) => p === path).length;

  /** Taro's form components, which 民生实事 does not use: the request form's and the worker's pages do. */
  const FORM_ELEMENTS = ['taro-picker-core', 'taro-textarea-core'];

  it('loads 民生实事 with its scripts, its list and /api/meta preloaded, each asked for once', async () => {
    const { requested, preloaded, warnings } = await visit('#/pages/commitments/index');
    expect(preloaded).toEqual(expect.arrayContaining(['/api/meta', '/api/commitments?limit=20']));
    expect(preloaded.some((p) => p.startsWith('/js/'))).toBe(true);
    for (const path of preloaded) expect(count(requested, path)).toBe(1);
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
  });

  it('loads and defines only the components 民生实事 uses, not the picker or the textarea', async () => {
    const { requested, defined } = await visit('#/pages/commitments/index');
    // Nor Taro's View and Text (plain elements on H5: config/h5-components/plain.js), nor the scroll view that
    // NutUI's tabs are drawn in (the H5 tabs are plain: components/app-tabs/index.h5.tsx).
    expect(defined).toEqual([]);
    const scripts = requested.filter((p) => p.startsWith('/js/'));
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) {
      const body = await (await fetch(`${server.url}${script}`)).text();
      expect({ script, picker: body.includes('taro-picker-core') }).toEqual({
        script,
        picker: false,
      });
    }
  });

  it("leaves Taro's toast, modal and action sheet out of 民生实事's scripts, for the first toast to load", async () => {
    const { requested } = await visit('#/pages/commitments/index');
    const scripts = requested.filter((p) => p.startsWith('/js/'));
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) {
      const body = await (await fetch(`${server.url}${script}`)).text();
      // The modal's style and the inline font Taro's H5 toast injects (services/interaction.h5.ts).
      expect({ script, toast: /taro-modal__foot|x-font-ttf/.test(body) }).toEqual({
        script,
        toast: false,
      });
    }
  });

  it('asks for the preloads before any stylesheet, which would hold an inline script back until it loads', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const preloading = html.indexOf("rel='preload'");
    expect(preloading).toBeGreaterThan(0);
    expect(html.indexOf('rel="stylesheet"')).toBeGreaterThan(preloading);
  });

  it('preloads only the files of a page opened with a query, whose list is another', async () => {
    const { preloaded } = await visit('#/pages/commitments/index?category=health');
    expect(preloaded).not.toContain('/api/commitments?limit=20');
    expect(preloaded.some((p) => p.startsWith('/js/'))).toBe(true);
  });

  it('preloads the home page when the link names none', async () => {
    const { requested, preloaded } = await visit('');
    expect(preloaded).toContain('/api/meta');
    for (const path of preloaded) expect(count(requested, path)).toBe(1);
  });
});
