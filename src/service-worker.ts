/// <reference lib="webworker" />
// The H5 app's offline shell: with no network the page still opens, and the app shows what it kept in storage
// under its offline banner. The mini-program needs none of this: WeChat keeps its code on the phone.
// server/h5-build.ts bundles this file into the build as /sw.js; it is not part of the Taro app.

declare const self: ServiceWorkerGlobalScope;
/** Set by server/h5-build.ts: a hash of the build, the files index.html loads, and the build's other files. */
declare const BUILD_VERSION: string;
declare const BUILD_SHELL: string[];
declare const BUILD_ASSETS: string[];

const CACHE = `minsheng-h5-${BUILD_VERSION}`;
/** On a weak network the page opens from the cache rather than wait longer than this for a fresh one. */
const PAGE_TIMEOUT_MS = 3000;
/** Taro's output: content-hashed names, so a cached copy never goes stale. */
const HASHED_ASSET = /^\/(js|css|static)\//;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(['/', ...BUILD_SHELL]);
      // Every page's code too (about 400 KB compressed), so that a page first opened offline opens. One file at
      // a time, to leave the link to the page that is loading. A file that fails here does not stop the install:
      // it is fetched, and kept, when a page asks for it.
      for (const url of BUILD_ASSETS) await cache.add(url).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')) {
    const fresh = fetchAndKeep(request, '/');
    // The worker stays alive to store the fresh page even when the kept one was answered first.
    event.waitUntil(fresh.catch(() => undefined));
    event.respondWith(pageFrom(fresh));
  } else if (HASHED_ASSET.test(url.pathname)) {
    event.respondWith(keptOrFetched(request));
  }
  // Anything else (the API, photos) goes to the network untouched: the app keeps its own data for offline use.
});

/** The page: fresh when the network answers well and in time, else the copy kept at the last visit. */
async function pageFrom(fresh: Promise<Response>): Promise<Response> {
  const kept = await (await caches.open(CACHE)).match('/');
  if (!kept) return fresh;
  const usable = fresh.then((response) => (response.ok ? response : kept));
  const late = new Promise<Response>((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS, kept));
  return Promise.race([usable, late]).catch(() => kept);
}

/** Scripts and styles: from the cache once fetched, since a hashed name never changes content. */
async function keptOrFetched(request: Request): Promise<Response> {
  return (await (await caches.open(CACHE)).match(request)) ?? fetchAndKeep(request, request);
}

/** Fetches, and keeps a successful answer under `key` before handing it on. */
async function fetchAndKeep(request: Request, key: RequestInfo): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
  return response;
}

export {};
