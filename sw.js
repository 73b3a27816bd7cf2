// Baogao service worker: the page keeps working offline after one visit.
//
// - The app's own hashed files (wasm, js, css: names carry a content hash) are served
//   cache-first; everything else of ours (index.html, reports/index.json, reports,
//   the worker loader) network-first, falling back to the cache when offline.
// - Requests to other hosts (?url= downloads) are never touched.
// - The cache name changes with every build: scripts/postbuild.mjs stamps BUILD with a
//   hash of the asset names (and ASSETS with the list to precache); bump VERSION to force
//   an update by hand. Old caches are deleted on activate.
'use strict';

const VERSION = '1';
const BUILD = '__BAOGAO_BUILD__';
/** Files to precache, relative to this script (stamped after the build). */
const ASSETS = /*__BAOGAO_ASSETS__*/[];
const PREFIX = 'baogao-';
const CACHE = PREFIX + VERSION + '-' + BUILD;
const NETWORK_TIMEOUT_MS = 6000;

const scope = () => self.registration.scope;
const hashed = (path) => /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/.test(path);

async function precacheList() {
  if (ASSETS.length) return ASSETS.map((a) => new URL(a, scope()).href);
  // Not stamped (a plain `trunk build` without the hook): read the asset names from index.html.
  const res = await fetch(new URL('./', scope()), { cache: 'no-cache' });
  const html = await res.text();
  const names = new Set(['./', './reports/index.json']);
  for (const m of html.matchAll(/["']([^"'\s]+\.(?:wasm|js|css))["']/g)) names.add(m[1]);
  return [...names].map((n) => new URL(n, scope()).href);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const list = await precacheList();
    // One failing file must not leave the app without a cache: add one by one.
    await Promise.all(list.map(async (url) => {
      try {
        const res = await fetch(url, { cache: 'no-cache' });
        if (res.ok) await cache.put(url, res);
      } catch (_) { /* offline during install: cached on first use instead */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) cache.put(request, res.clone());
  return res;
}

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const res = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (res.ok) cache.put(fallbackKey || request, res.clone());
    return res;
  } catch (err) {
    const hit = (await cache.match(fallbackKey || request, { ignoreSearch: true }))
      || (fallbackKey ? undefined : await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(scope())) return;
  if (request.mode === 'navigate') {
    // Any address of the app (?report=…, ?url=…, #…) is the same page.
    event.respondWith(networkFirst(request, new URL('./', scope()).href));
    return;
  }
  event.respondWith(hashed(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
