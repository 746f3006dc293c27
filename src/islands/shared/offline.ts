// Registers the service worker that keeps the booking page and its assets for offline use
// (public/sw.js), once a ticket is on the device.
export function keepBookingPageOffline(): void {
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
