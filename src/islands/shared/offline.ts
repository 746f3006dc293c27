// Registers the service worker (sw.js, made by Workbox at build: src/integrations/service-worker.ts)
// that precaches the ticket's and the home-visit status's pages and scripts. Imported for this
// effect by the islands of the pages a citizen leaves with a ticket or a receipt (through
// ticket-store.ts, and the home-visit form): it registers as soon as such a page has loaded, so the
// offline pages are kept before the person goes offline, with no visit to them needed.

// The cache of the hand-written worker that sw.js replaced: nothing reads it any more.
const retiredCache = 'cccd-booking-v1';

function register(): void {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => caches.delete(retiredCache))
    .catch(() => undefined);
}

// After the load: the worker's downloads must not compete with the page's own.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
