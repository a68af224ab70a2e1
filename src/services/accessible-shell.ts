/**
 * On WeChat the tab bar is the platform's own, announced as tabs and drawn at the person's text size, and NutUI's
 * `ariaRole` is the mini-program's `aria-role`: nothing to mend. See accessible-shell.h5.ts.
 */
export function registerAccessibleShell(): () => void {
  return () => undefined;
}
