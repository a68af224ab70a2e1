// Accessibility checks on the real H5 build: axe-core (from npm) injected into the page, and the measures of
// 长辈模式 that axe does not take (text size, tap targets, nothing cut off or scrolled sideways).
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type AxeCore from 'axe-core';

declare global {
  interface Window {
    /** axe-core, once injected into the page. */
    axe: typeof AxeCore;
  }
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The page on screen: Taro keeps the pages under it in the document, hidden. */
export const SHOWN_PAGE = '.taro_page_show';

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Violations of impact serious or critical on the page as it is now (hidden pages are skipped by axe). */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
      }));
  });
}

/** Before the app loads: 长辈模式 on or off, as the switch on 我的 leaves it (Taro's H5 storage wraps `{ data }`). */
export async function presetElderMode(context: BrowserContext, on: boolean): Promise<void> {
  await context.addInitScript((value) => {
    window.localStorage.setItem('settings.elderMode', JSON.stringify({ data: value }));
    window.localStorage.setItem('settings.elderModeOffered', JSON.stringify({ data: true }));
  }, on);
}

export interface ElderMeasures {
  /** Text smaller than 18 CSS px: its words and size. */
  smallText: string[];
  /** Tap targets under 48 × 48 CSS px. */
  smallTargets: string[];
  /** Pairs of tap targets closer than 8 CSS px (or overlapping). */
  crowdedTargets: string[];
  /** Text cut off, or hidden behind sideways scrolling. */
  cutOff: string[];
}

/** What a person sees on the page on screen, and the tab bar, measured against 长辈模式's rules. */
export async function measureElderPage(page: Page): Promise<ElderMeasures> {
  return page.evaluate((shownPage) => {
    const roots = [...document.querySelectorAll(`${shownPage}, .taro-tabbar__tabbar`)];
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return (
        rect.width > 1 &&
        rect.height > 1 &&
        style.visibility !== 'hidden' &&
        !el.closest('[aria-hidden="true"]')
      );
    };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/)[0] ?? ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;

    const smallText: string[] = [];
    const cutOff: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || !visible(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 18) smallText.push(`${size}px ${label(el)}`);
      }
      for (const el of root.querySelectorAll('*')) {
        if (!visible(el) || !(el.textContent ?? '').trim()) continue;
        const box = el.getBoundingClientRect();
        if (box.left < -1 || box.right > window.innerWidth + 1)
          cutOff.push(`off screen ${label(el)}`);
        const style = getComputedStyle(el);
        const scrolls = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
        if (scrolls && el.scrollWidth > el.clientWidth + 1) cutOff.push(`sideways ${label(el)}`);
        if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
          cutOff.push(`ellipsis ${label(el)}`);
        if (
          style.webkitLineClamp !== 'none' &&
          style.webkitLineClamp !== '' &&
          el.scrollHeight > el.clientHeight + 1
        ) {
          cutOff.push(`clamped ${label(el)}`);
        }
      }
      // What is typed into a field, and its placeholder, are text too.
      for (const field of root.querySelectorAll('input, textarea')) {
        const size = parseFloat(getComputedStyle(field).fontSize);
        if (visible(field) && size < 18) smallText.push(`${size}px ${label(field)}`);
      }
      // A placeholder wider than its box is cut off too.
      const canvas = document.createElement('canvas').getContext('2d')!;
      for (const input of root.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
        if (!visible(input) || input.value) continue;
        const style = getComputedStyle(input);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (canvas.measureText(input.placeholder).width > room + 1)
          cutOff.push(`placeholder "${input.placeholder}"`);
      }
    }

    const TARGETS = [
      'button',
      'a[href]',
      'input',
      'textarea',
      '[role=button]',
      '[role=link]',
      '[role=radio]',
      '[role=checkbox]',
      '[role=switch]',
      '[role=tab]',
      '.nut-button',
      '.nut-cell-clickable',
      '.nut-tabs-titles-item',
    ].join(',');
    // A field's target is its whole box; a target inside another (a NutUI button's inner parts) counts once.
    const boxOf = (el: Element) =>
      el.closest('.nut-input, .nut-textarea, .nut-searchbar-content') ?? el;
    const targets = [
      ...new Set(roots.flatMap((root) => [...root.querySelectorAll(TARGETS)].map(boxOf))),
    ].filter(
      (el, _, all) => visible(el) && !all.some((other) => other !== el && other.contains(el)),
    );
    // The page scrolls under the tab bar: only targets of the same part are compared for room between them.
    const partOf = (el: Element) => roots.findIndex((root) => root.contains(el));
    const rects = targets.map((el) => el.getBoundingClientRect());
    const smallTargets = targets
      .map((el, i) => ({ el, rect: rects[i] }))
      .filter(({ rect }) => rect.width < 47.5 || rect.height < 47.5)
      .map(({ el, rect }) => `${Math.round(rect.width)}×${Math.round(rect.height)} ${label(el)}`);
    const crowdedTargets: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        if (partOf(targets[i]) !== partOf(targets[j])) continue;
        const a = rects[i];
        const b = rects[j];
        const dx = Math.max(a.left - b.right, b.left - a.right);
        const dy = Math.max(a.top - b.bottom, b.top - a.bottom);
        if (Math.max(dx, dy) < 8)
          crowdedTargets.push(`${label(targets[i])} ↔ ${label(targets[j])}`);
      }
    }
    return { smallText, smallTargets, crowdedTargets, cutOff };
  }, SHOWN_PAGE);
}
