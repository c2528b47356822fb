/**
 * Registers the service worker (src/service-worker.ts) once the page has settled, not at `load`
 * as SvelteKit would (svelte.config.js turns that off). Its install downloads the whole app
 * (some 1.3 MB), and on a first visit that download, the server's serving of it and the cache
 * writes ran on the same two cores as a big board's own open: the 2,000-card board opened 1.18×
 * slower than before the app grew (bench/ui-compare.ts). A page that opens something heavy holds
 * the registration until it is shown; then the worker waits a few seconds and an idle moment.
 */
import { dev } from '$app/environment';

/** The longest a hold keeps the worker away: a board that never opens must not cost offline use. */
const HOLD_MAX_MS = 15_000;

/** How long after the page is shown the install waits, so it does not meet the first interaction. */
const SETTLE_MS = 3000;

const holds: Promise<unknown>[] = [];

/** Keeps the worker's registration until `until` settles (at most HOLD_MAX_MS after load). */
export function holdOfflineWorker(until: Promise<unknown>): void {
  holds.push(until);
}

/** Registers the worker after load, the pages' holds and an idle moment; a failure only costs offline use. */
export async function registerOfflineWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  if (document.readyState !== 'complete') {
    await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  }
  await Promise.race([Promise.allSettled(holds), new Promise((resolve) => setTimeout(resolve, HOLD_MAX_MS))]);
  // The first thing people do on a board that has just shown is drag or open a card: the install
  // right after it made the first drag 1.2× slower (ui-compare), a few seconds later it is unseen.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  try {
    await navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic' });
  } catch (error) {
    console.warn('The offline worker did not register; boards will not open offline.', error);
  }
}
