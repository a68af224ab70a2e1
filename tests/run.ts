// `npm test`: make sure the browser tests have what they need (Debian's Chromium, a CJK font, a current H5 build),
// then run every jest project. Arguments are passed on to jest.
import { execFileSync, spawnSync } from 'node:child_process';
import { ensureH5Build } from '../server/h5-build';
import { CHROMIUM_PATH, missingBrowserPackages } from './support/browser-packages';

const INSTALL = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei';

function ensureBrowserPackages() {
  const missing = missingBrowserPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need ${missing.join(' and ')}. Run as root:\n  ${INSTALL}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} for the browser tests…`);
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  console.log(`Chromium at ${CHROMIUM_PATH}`);
}

ensureBrowserPackages();
ensureH5Build();
const jest = spawnSync('npx', ['jest', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(jest.status ?? 1);
