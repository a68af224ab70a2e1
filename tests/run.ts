// `npm test`: make sure the browser tests have what they need (Debian's Chromium, a CJK font, a current H5 build),
// and the cluster test nginx when PostgreSQL is there, then run every jest project. Arguments are passed on to jest.
import { spawnSync } from 'node:child_process';
import { ensureH5Build } from '../server/h5-build';
import { CHROMIUM_PATH, missingBrowserPackages } from './support/browser-packages';
import { NGINX_BINARY, NGINX_INSTALL } from './support/cluster';
import { installDebianPackages } from './support/debian-packages';

const INSTALL = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei';

function ensureBrowserPackages() {
  const missing = missingBrowserPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need ${missing.join(' and ')}. Run as root:\n  ${INSTALL}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} for the browser tests…`);
  installDebianPackages(missing);
  console.log(`Chromium at ${CHROMIUM_PATH}`);
}

/** The cluster test (tests/server/cluster.test.ts) puts Debian's nginx in front of two servers on PostgreSQL. */
function ensureNginx() {
  if (!process.env.TEST_DATABASE_URL || NGINX_BINARY) return;
  if (process.getuid?.() !== 0) {
    console.warn(
      `The cluster test needs nginx and will be skipped. Run as root:\n  ${NGINX_INSTALL}`,
    );
    return;
  }
  console.log('Installing nginx for the cluster test (it runs its own, on loopback ports)…');
  installDebianPackages(['nginx']);
}

ensureBrowserPackages();
ensureNginx();
ensureH5Build();
const jest = spawnSync('npx', ['jest', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(jest.status ?? 1);
