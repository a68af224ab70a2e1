import { isElderMode, subscribeElderMode } from './elder-mode';

const ACTIONS = '[role=button],[role=link],[role=tab],[role=radio],[role=checkbox],[role=switch]';

function setAll(selector: string, attributes: (el: Element) => Record<string, string>): void {
  for (const el of document.querySelectorAll(selector)) {
    for (const [name, value] of Object.entries(attributes(el))) {
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
  }
}

/** Gives the parts Taro and NutUI draw in the browser the roles they have on WeChat. */
function mend(): void {
  // NutUI's checkboxes, radios and switches pass `ariaRole`, which reaches the browser as `aria-role` (the
  // mini-program's spelling).
  for (const el of document.querySelectorAll('[aria-role]')) {
    el.setAttribute('role', el.getAttribute('aria-role') ?? '');
    el.removeAttribute('aria-role');
  }
  // Taro's textarea keeps the aria attributes it is given on its wrapper: they belong on the textarea itself.
  for (const box of document.querySelectorAll(
    'taro-textarea-core[aria-describedby], taro-textarea-core[aria-label]',
  )) {
    const area = box.querySelector('textarea');
    for (const name of ['aria-label', 'aria-describedby']) {
      const value = box.getAttribute(name);
      if (area && value && area.getAttribute(name) !== value) area.setAttribute(name, value);
    }
  }
  // Each page is the main region and scrolls: reachable from the keyboard.
  setAll('.taro_page', () => ({ role: 'main', tabindex: '0' }));
  // The tab bar (drawn as links) is announced as tabs.
  setAll('.taro-tabbar__tabbar .weui-tabbar', () => ({ role: 'tablist' }));
  setAll('.taro-tabbar__tabbar .weui-tabbar__item', (tab) => ({
    role: 'tab',
    'aria-selected': String(tab.classList.contains('weui-bar__item_on')),
  }));
}

/**
 * The browser's frame around the pages, made to read as it does on WeChat (accessible-shell.ts): roles for the
 * tab bar, NutUI's checkboxes, radios and switches, and the pages; Enter and Space press whatever has a
 * button-like role; and 长辈模式's `elder` class on the document too, for the tab bar, which sits outside the pages.
 * Returns what undoes it (for tests).
 */
export function registerAccessibleShell(): () => void {
  const root = document.documentElement;
  const follow = () => root.classList.toggle('elder', isElderMode());
  follow();
  const unsubscribe = subscribeElderMode(follow);

  mend();
  // Once per batch of changes, after React and the router have made them.
  const observer = new MutationObserver(mend);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-role', 'class'],
  });

  const press = (event: KeyboardEvent) => {
    const target = event.target as Element | null;
    if ((event.key === 'Enter' || event.key === ' ') && target?.matches(ACTIONS)) {
      event.preventDefault();
      (target as HTMLElement).click();
    }
  };
  root.addEventListener('keydown', press);
  return () => {
    unsubscribe();
    observer.disconnect();
    root.removeEventListener('keydown', press);
  };
}
