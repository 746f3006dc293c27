// The booking page works offline, so a ticket saved on the phone can be shown at the site without
// a network. Plain JavaScript in public/: a service worker is served as it is, not bundled.
// Booking pages are fetched from the network first and kept; the hashed build assets they use
// are kept as they are fetched. Nothing else is cached.
const cacheName = 'cccd-booking-v1';
const bookingPage = /^\/(vi|en)\/booking\/$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(['/vi/booking/', '/en/booking/'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (bookingPage.test(url.pathname)) {
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          const copy = response.clone();
          event.waitUntil(caches.open(cacheName).then((cache) => cache.put(url.pathname, copy)));
          return response;
        })
        .catch(() => caches.match(url.pathname).then((cached) => cached ?? Response.error())),
    );
  } else if (url.pathname.startsWith('/_astro/')) {
    event.respondWith(
      caches.match(event.request).then(
        (cached) =>
          cached ??
          fetch(event.request).then((response) => {
            const copy = response.clone();
            event.waitUntil(caches.open(cacheName).then((cache) => cache.put(event.request, copy)));
            return response;
          }),
      ),
    );
  }
});
