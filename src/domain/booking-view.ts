// What the booking functions (book_places, join_signup_link, lookup_booking, cancel_booking,
// move_booking) answer with: private.booking_view in supabase/schemas/07_booking_engine.sql. One strict schema, which
// public-api.ts parses every answer with; the types come from it.
import { array, boolean, enum as picklist, literal, nullable, number, strictObject, string, type output } from 'zod/mini';
import { applicationKinds, bookingStatuses, siteKinds } from './booking-kinds.ts';

export type { BookingStatus } from './booking-kinds.ts';

const bookedPersonSchema = strictObject({
  code: string(),
  queue_no: number(),
  status: picklist(bookingStatuses),
  /** Null once the personal data has been purged after the retention period. */
  full_name: nullable(string()),
  application_kind: picklist(applicationKinds),
  /** The organisation whose sign-up link the person joined through, if any. */
  organisation: nullable(string()),
  shift: strictObject({ id: number(), starts_at: string(), ends_at: string() }),
  session: strictObject({
    id: number(),
    date: string(),
    cancelled_at: nullable(string()),
    cancel_reason: nullable(string()),
    /** Its campaign's figures are made up (campaigns.demonstration): the ticket says so. */
    demonstration: boolean(),
  }),
  site: strictObject({
    id: number(),
    name: string(),
    kind: picklist(siteKinds),
    address: string(),
    access_notes: nullable(string()),
    lat: number(),
    lng: number(),
  }),
});

export const bookingViewSchema = strictObject({
  ok: literal(true),
  /** The manage token: only in the answer to book_places (and its replays). */
  token: nullable(string()),
  /** Null once the phone number has been purged. */
  phone_masked: nullable(string()),
  bookings: array(bookedPersonSchema),
});

export type BookedPerson = output<typeof bookedPersonSchema>;
export type BookingView = output<typeof bookingViewSchema>;

/** The bookings that still hold a place (not cancelled, not yet served or missed). */
export function activeBookings(view: BookingView): BookedPerson[] {
  return view.bookings.filter((booking) => booking.status === 'confirmed' || booking.status === 'checked_in');
}

/** One group per shift, in the order the view lists them, for showing a ticket per visit. */
export function visitsOf(view: BookingView): BookedPerson[][] {
  const byShift = new Map<number, BookedPerson[]>();
  for (const booking of view.bookings) {
    const visit = byShift.get(booking.shift.id) ?? [];
    visit.push(booking);
    byShift.set(booking.shift.id, visit);
  }
  return [...byShift.values()];
}
