import { execFileSync } from 'node:child_process';

/** Whether Debian's package `name` is installed. */
export function debianPackageInstalled(name: string): boolean {
  try {
    execFileSync('dpkg', ['-s', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs Debian packages, as root, without questions: what the test command and the bench need and lack. */
export function installDebianPackages(names: string[]): void {
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-q', ...names], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
