// Imported by the Workbox service worker (src/integrations/service-worker.ts): deletes the cache of
// the hand-written worker it replaced, which nothing reads any more.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete('cccd-booking-v1'));
});
