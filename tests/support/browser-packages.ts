import fs from 'node:fs';
import { debianPackageInstalled } from './debian-packages';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian packages the browser tests need that this machine lacks. */
export function missingBrowserPackages(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!debianPackageInstalled('fonts-wqy-microhei')) missing.push('fonts-wqy-microhei');
  return missing;
}
