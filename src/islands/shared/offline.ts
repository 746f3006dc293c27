// Registers the service worker (sw.js, made by Workbox at build: src/integrations/service-worker.ts)
// that precaches the ticket's and the home-visit status's pages and scripts. Imported for this
// effect by the islands of the pages a citizen leaves with a ticket or a receipt (through
// ticket-store.ts, and the home-visit form): it registers as soon as such a page has loaded, so the
// offline pages are kept before the person goes offline, with no visit to them needed.

function register(): void {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

// After the load: the worker's downloads must not compete with the page's own.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}
