// Tickets kept on the device, so a booking can be shown at the site without a network. Only what
// the ticket shows is kept, with the manage token so the booking page can refresh it when online.
import type { BookingView } from '../../domain/booking-view.ts';
import { keepBookingPageOffline } from './offline.ts';

const storageKey = 'cccd.tickets.v1';

export interface SavedTicket {
  /** The first booking code of the group: the key of the ticket. */
  code: string;
  token: string | null;
  view: BookingView;
  savedAt: string;
}

export function loadTickets(): SavedTicket[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedTicket[]) : [];
  } catch {
    return [];
  }
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
    keepBookingPageOffline();
  } catch {
    // Storage full or blocked (private mode): the ticket is still on screen.
  }
}
