import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian packages the browser tests need that this machine lacks. */
export function missingBrowserPackages(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!installed('fonts-wqy-microhei')) missing.push('fonts-wqy-microhei');
  return missing;
}

function installed(pkg: string): boolean {
  try {
    execFileSync('dpkg', ['-s', pkg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
