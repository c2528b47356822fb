/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Lets a board open with the server unreachable: the app's own files are cached at install,
 * pages and their data are fetched network-first and kept as the fallback. The board's content
 * itself comes from IndexedDB (y-indexeddb), not from here.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `stageboard-${version}`;
const IMMUTABLE = new Set([...build, ...files]);
// What the install downloads: all but pdf.js's worker (1.3 MB, as much as the rest of the app),
// which only draft previews use, and they need the network for the draft anyway. It is still
// served from the cache once a preview has fetched it (respond() keeps what it fetches).
const PRECACHE = [...IMMUTABLE].filter((path) => !/\/pdf\.worker[^/]*$/.test(path));
// Every board page is the same client-rendered shell, so one fetched at install stands in for any
// board the browser has cached in IndexedDB, even one first opened before this worker took over.
const BOARD_SHELL = '/boards/_shell';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...PRECACHE, BOARD_SHELL]))
      .then(() => sw.skipWaiting())
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim())
  );
});

async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const cache = await caches.open(CACHE);
  if (IMMUTABLE.has(url.pathname)) {
    const hit = await cache.match(url.pathname);
    if (hit) return hit;
  }
  const isBoardPage = request.mode === 'navigate' && url.pathname.startsWith('/boards/');
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      await cache.put(request, response.clone());
      if (isBoardPage) await cache.put(BOARD_SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const hit = (await cache.match(request)) ?? (isBoardPage ? await cache.match(BOARD_SHELL) : undefined);
    if (hit) return hit;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Live data never comes from a cache: the sync socket and the JSON API answer or fail honestly.
  // Invitation links carry a secret token, and the sign-in pages are worthless offline: neither
  // is kept in Cache Storage. Nor is the inbox (its API and stream are under /api/): it is live
  // or nothing.
  if (
    url.origin !== sw.location.origin ||
    ['/sync', '/api/', '/invite/', '/signin', '/signup', '/inbox'].some((prefix) =>
      url.pathname.startsWith(prefix)
    )
  ) {
    return;
  }
  event.respondWith(respond(request));
});
