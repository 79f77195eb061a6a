// The app's service worker (generated into dist/sw.js by scripts/gen-sw.mjs; do not edit there).
// Offline use: caches every file of one build on install and answers from that cache only.
// It never talks to any other origin, and nothing here sends data anywhere.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
// Files of this build cached when the page first asks for them (the full fonts, the CJK face).
const LATER = ['__LATER__'];
const CACHE = `elsa-${VERSION}`;

self.addEventListener('install', (event) => {
  // All or nothing: a half-cached build never serves. Each file is checked with the server
  // ('no-cache': a file the page already has costs a revalidation, not a second download), at low
  // priority, so that the page's own requests go first (issue 17).
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache', priority: 'low' })))));
  // No skipWaiting here: a new version waits until the page asks for it, so that an open page
  // never gets files of another build.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('elsa-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'elsa-skip-waiting') self.skipWaiting();
  if (event.data === 'elsa-version' && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page of the app is index.html (routes live in the #fragment).
    const key = req.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : req;
    const hit = await cache.match(key, { ignoreSearch: true });
    if (hit) return hit;
    const later = LATER.some((f) => new URL(f, self.registration.scope).href === url.href);
    const response = await fetch(req);
    if (later && response.ok) await cache.put(req, response.clone());
    return response;
  })());
});
