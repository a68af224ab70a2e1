/**
 * On WeChat the tab bar is the platform's own, announced as tabs and drawn at the person's text size, and NutUI's
 * `ariaRole` is the mini-program's `aria-role` (which config/weapp-aria carries into the templates): nothing to
 * mend. NutUI's tabs are announced by components/app-tabs. See accessible-shell.h5.ts.
 */
export function registerAccessibleShell(): () => void {
  return () => undefined;
}
