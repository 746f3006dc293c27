// Tickets kept on the device, so a booking can be shown at the site without a network. Only what
// the ticket shows is kept, with the manage token so the booking page can refresh it when online.
import { nullable, object, pipe, string, transform, type output } from 'zod/mini';
import { bookingViewSchema, type BookingView } from '../../domain/booking-view.ts';
// A device that keeps tickets keeps the page that shows them offline.
import './offline.ts';
import { readStoredList } from './stored-list.ts';

// The schema of what a booking's send answers, which the store keeps: the booking forms take it from
// here, so it loads with the store on the first send, not with the page.
export { bookingViewSchema };

const storageKey = 'cccd.tickets.v1';

/**
 * A ticket saved before booking_view said whether the session's campaign is a demonstration has no
 * such flag: it reads as a real one (as it was shown) instead of being dropped from the device.
 */
export function withDemonstrationFlag(view: unknown): unknown {
  const bookings = (view as { bookings?: unknown } | null)?.bookings;
  if (!Array.isArray(bookings)) return view;
  return {
    ...(view as object),
    bookings: bookings.map((booking: { session?: object } | null) =>
      booking?.session && !('demonstration' in booking.session) ? { ...booking, session: { ...booking.session, demonstration: false } } : booking,
    ),
  };
}

const savedTicketSchema = object({
  /** The first booking code of the group: the key of the ticket. */
  code: string(),
  token: nullable(string()),
  view: pipe(transform(withDemonstrationFlag), bookingViewSchema),
  savedAt: string(),
});

export type SavedTicket = output<typeof savedTicketSchema>;

export function loadTickets(): SavedTicket[] {
  return readStoredList(storageKey, savedTicketSchema);
}

/** Saves or replaces the ticket of a booking group (matched by any of its codes). */
export function saveTicket(view: BookingView, token: string | null): void {
  const codes = new Set(view.bookings.map((booking) => booking.code));
  const sameGroup = (ticket: SavedTicket) => ticket.view.bookings.some((booking) => codes.has(booking.code));
  const tickets = loadTickets();
  const kept = tickets.find(sameGroup);
  const ticket: SavedTicket = { code: view.bookings[0]!.code, token: token ?? kept?.token ?? null, view, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(storageKey, JSON.stringify([ticket, ...tickets.filter((other) => !sameGroup(other))].slice(0, 10)));
  } catch {
    // Storage full or blocked (private mode): the ticket is still on screen.
  }
}
