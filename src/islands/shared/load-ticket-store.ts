// The ticket store, loaded with a booking's send rather than with its form (the page's JavaScript
// budget). A device that cannot load it is offline: the form says so and sends nothing, so no
// booking is ever made whose ticket the device could not keep.
export const loadTicketStore = () => import('./ticket-store.ts').catch(() => undefined);
