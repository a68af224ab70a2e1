// Sizes of the two builds: the weapp package (main package vs the worker sub-package), the H5 initial JS and
// the whole H5 build.
// Reads dist/weapp and dist/h5 (or H5_DIR) as they are: run `npm run build:weapp` and `npm run build:h5` first.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function files(dir: string): { file: string; size: number }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = path.join(d.parentPath, d.name);
      return { file: path.relative(dir, full), size: fs.statSync(full).size };
    });
}

export function reportSizes(): void {
  const weapp = path.join(ROOT, 'dist/weapp');
  if (fs.existsSync(weapp)) {
    const all = files(weapp).filter((f) => !f.file.endsWith('.map'));
    // Every sub-package app.json lists (worker/, figures/, …); the rest is the main package (WeChat: ≤ 2 MB each).
    const app = JSON.parse(fs.readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
      subPackages?: { root: string }[];
    };
    const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
    const sizeOf = (list: typeof all) => list.reduce((s, f) => s + f.size, 0);
    const subs = roots.map((root) => ({
      root,
      size: sizeOf(all.filter((f) => f.file.startsWith(root))),
    }));
    const total = sizeOf(all);
    const main = total - subs.reduce((s, p) => s + p.size, 0);
    const parts = subs.map((p) => `${p.root.slice(0, -1)} sub-package ${kb(p.size)}`);
    console.log(`weapp total ${kb(total)}: main package ${kb(main)}, ${parts.join(', ')}`);
    for (const f of all.sort((a, b) => b.size - a.size).slice(0, 6))
      console.log(`  ${kb(f.size).padStart(10)}  ${f.file}`);
  } else {
    console.log('weapp: no build (npm run build:weapp)');
  }

  // H5_DIR, as the server reads it: another build's sizes (an earlier commit's, for a comparison).
  const h5 = path.resolve(ROOT, process.env.H5_DIR || 'dist/h5');
  const index = path.join(h5, 'index.html');
  if (fs.existsSync(index)) {
    const html = fs.readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    const bodies = scripts.map((s) => fs.readFileSync(path.join(h5, s)));
    const raw = bodies.reduce((s, b) => s + b.length, 0);
    const gzip = bodies.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
    console.log(`H5 initial JS (${scripts.length} files): ${kb(raw)} raw, ${kb(gzip)} gzip`);
    // A first visit to 民生实事: index.html's scripts and styles and the page's own, which its preload script lists
    // (config/preload-page-chunks.ts), as the server sends them to a browser (brotli, server/h5-build.ts).
    const styles = [...html.matchAll(/<link href="\/?([^"]+\.css)" rel="stylesheet"/g)].map(
      (m) => m[1],
    );
    const pages = JSON.parse(html.match(/\)\((\{"[^]*?\]\}),\{/)?.[1] ?? '{}') as Record<
      string,
      string[]
    >;
    const page = (pages['pages/commitments/index'] ?? []).map((f) => f.replace(/^\//, ''));
    const visit = [...scripts, ...styles, ...page];
    const sent = visit.reduce((s, f) => {
      const file = path.join(h5, f);
      return (
        s + (fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : fs.statSync(file).size)
      );
    }, 0);
    console.log(
      `H5 first visit to 民生实事: ${visit.filter((f) => f.endsWith('.js')).length} scripts and ` +
        `${visit.filter((f) => f.endsWith('.css')).length} styles, ${kb(sent)} brotli`,
    );
    // What the service worker keeps for offline use: every script and style of the build.
    const code = files(h5).filter((f) => /^(js|css)\/.*\.(js|css)$/.test(f.file));
    const codeBodies = code.map((f) => fs.readFileSync(path.join(h5, f.file)));
    console.log(
      `H5 whole build (${code.length} scripts and styles): ${kb(codeBodies.reduce((s, b) => s + b.length, 0))} raw, ` +
        `${kb(codeBodies.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0))} gzip`,
    );
  } else {
    console.log('H5: no build (npm run build:h5)');
  }
}

if (require.main === module) reportSizes();
