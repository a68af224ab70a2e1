import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { loadH5Dir } from './config';

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

const DEFAULT_H5_DIR = loadH5Dir();
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * Writes a .br and a .gz beside every text file of the build: the server sends them to browsers that accept them,
 * with no compression work per request. A phone on a weak network downloads about a third of the bytes.
 */
export function precompressH5Build(h5Dir = DEFAULT_H5_DIR): void {
  for (const file of filesUnder(path.relative(ROOT, h5Dir)).filter((f) => COMPRESSIBLE.test(f))) {
    const full = path.join(ROOT, file);
    const body = fs.readFileSync(full);
    fs.writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
    fs.writeFileSync(
      `${full}.br`,
      brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

/** Files the service worker keeps besides the page: scripts, styles and images, not their compressed twins. */
const KEPT_ASSET = /^\/(js|css|static)\/.*(?<!\.br|\.gz|\.txt)$/;

/**
 * Bundles src/service-worker.ts into the build as /sw.js, told the build's version, the files index.html loads
 * (its shell) and every other script and style of the build, so that any page opens with no network.
 */
export function writeServiceWorker(h5Dir: string, version: string): void {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  const shell = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]);
  const assets = filesUnder(path.relative(ROOT, h5Dir))
    .map((file) => `/${path.relative(h5Dir, path.join(ROOT, file)).split(path.sep).join('/')}`)
    .filter((url) => KEPT_ASSET.test(url) && !shell.includes(url));
  buildSync({
    entryPoints: [path.join(ROOT, 'src/service-worker.ts')],
    outfile: path.join(h5Dir, 'sw.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2017',
    define: {
      BUILD_VERSION: JSON.stringify(version),
      BUILD_SHELL: JSON.stringify(shell),
      BUILD_ASSETS: JSON.stringify(assets),
    },
    logLevel: 'warning',
  });
}

/** Finishes a fresh `taro build --type h5`: the service worker, compressed copies, and the stamp of its sources. */
export function finishH5Build(h5Dir = DEFAULT_H5_DIR): void {
  const version = h5InputsHash();
  writeServiceWorker(h5Dir, version);
  precompressH5Build(h5Dir);
  fs.writeFileSync(path.join(h5Dir, STAMP), version);
}

/** Builds the H5 app into `h5Dir` unless the build there was made from the current sources. */
export function ensureH5Build(h5Dir = DEFAULT_H5_DIR): void {
  const stampFile = path.join(h5Dir, STAMP);
  const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : null;
  if (built === h5InputsHash() && fs.existsSync(path.join(h5Dir, 'index.html'))) return;

  console.log(
    built ? 'H5 build is stale: rebuilding…' : 'No H5 build yet: building (about a minute)…',
  );
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
  finishH5Build(h5Dir);
}

// `npm run build:h5` runs taro, then this file to finish the build.
if (require.main === module) finishH5Build();
