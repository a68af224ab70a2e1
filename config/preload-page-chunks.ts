import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compilation, Compiler } from 'webpack';

const NAME = 'PreloadPageChunks';

/**
 * H5: the page a link opens starts downloading with the app's own scripts (decision 012). Each page is a lazy
 * chunk group that the app asks for only once its scripts have run, a round trip and a download later on a slow
 * link. This adds to index.html a small script holding each page's files (scripts and styles), which preloads the
 * files of the page named in the URL's hash (`#/pages/commitments/index?…`), or of `home` without one.
 */
export class PreloadPageChunks {
  constructor(
    private readonly options: {
      home: string;
      /** What every page asks the API for first, and what a page asks besides: preloaded with its files. */
      data?: { everyPage?: string[]; pages?: Record<string, string[]> };
    },
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (groups) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/');
        const pages = pageFiles(compilation, publicPath);
        const { home, data = {} } = this.options;
        // First in the head: an inline script after a stylesheet waits for it to load (half a second on 3G).
        groups.headTags.unshift(
          HtmlWebpackPlugin.createHtmlTagObject('script', {}, preloadScript(pages, home, data)),
        );
        return groups;
      });
    });
  }
}

/** Each page's files, not counting those index.html loads anyway: `{ "pages/commitments/index": ["/js/…"] }`. */
function pageFiles(compilation: Compilation, publicPath: string): Record<string, string[]> {
  const initial = new Set(
    [...compilation.chunks].filter((chunk) => chunk.canBeInitial()).flatMap((c) => [...c.files]),
  );
  const pages: Record<string, string[]> = {};
  for (const group of compilation.chunkGroups) {
    if (group.isInitial()) continue;
    const files = group.chunks
      .flatMap((chunk) => [...chunk.files])
      .filter((file) => /\.(js|css)$/.test(file) && !initial.has(file));
    for (const origin of group.origins) {
      const page = pageOf(origin.request);
      if (page && files.length > 0) pages[page] = files.map((file) => `${publicPath}${file}`);
    }
  }
  return pages;
}

/** `./pages/commitments/index` or `/…/src/pages/commitments/index.tsx?x` → `pages/commitments/index`. */
function pageOf(request: string | undefined): string | null {
  if (!request) return null;
  const path = request.split('?')[0].replace(/\\/g, '/');
  const inSrc = path.includes('/src/') ? path.slice(path.lastIndexOf('/src/') + 5) : path;
  return inSrc.replace(/^\.\//, '').replace(/\.[jt]sx?$/, '') || null;
}

/**
 * The script: the page's files as scripts and styles, its API answers as fetches (crossorigin, as the app's fetch
 * asks for them, so that its fetch takes the preloaded answer instead of asking again). A page opened with a query
 * (`?category=health`) asks for other answers: only its files are preloaded.
 */
function preloadScript(
  pages: Record<string, string[]>,
  home: string,
  {
    everyPage = [],
    pages: dataOf = {},
  }: { everyPage?: string[]; pages?: Record<string, string[]> },
): string {
  const api: Record<string, string[]> = {};
  for (const page of Object.keys(pages)) api[page] = [...everyPage, ...(dataOf[page] ?? [])];
  return `(function(p,a){var m=location.hash.match(/^#\\/?([^?]*)(\\?.)?/),k=(m&&m[1])||${JSON.stringify(home)};
function l(u,t){var e=document.createElement('link');e.rel='preload';e.as=t;e.href=u;
if(t==='fetch')e.crossOrigin='anonymous';document.head.appendChild(e)}
(p[k]||[]).forEach(function(u){l(u,/\\.css$/.test(u)?'style':'script')});
m&&m[2]||(a[k]||[]).forEach(function(u){l(u,'fetch')})})(${JSON.stringify(pages)},${JSON.stringify(api)})`;
}
