import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** Everything the H5 build is made from. */
const INPUTS = ['src', 'config', 'babel.config.js', 'tsconfig.json', 'package-lock.json'];
const STAMP = '.build-hash';

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .sort();
}

/** A hash of the build's inputs: content, not mtimes, so that a fresh clone or a checkout is judged right. */
export function h5InputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Builds the H5 app into `h5Dir` unless the build there was made from the current sources. */
export function ensureH5Build(h5Dir = path.resolve(ROOT, process.env.H5_DIR ?? 'dist/h5')): void {
  const stampFile = path.join(h5Dir, STAMP);
  const wanted = h5InputsHash();
  const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : null;
  if (built === wanted && fs.existsSync(path.join(h5Dir, 'index.html'))) return;

  console.log(
    built ? 'H5 build is stale: rebuilding…' : 'No H5 build yet: building (about a minute)…',
  );
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
  fs.writeFileSync(stampFile, wanted);
}
