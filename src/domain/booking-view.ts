// What the booking functions (book_places, lookup_booking, cancel_booking, move_booking) answer
// with: private.booking_view in supabase/schemas/07_booking_engine.sql.

export type BookingStatus = 'confirmed' | 'checked_in' | 'served' | 'no_show' | 'cancelled';

export interface BookedPerson {
  code: string;
  queue_no: number;
  status: BookingStatus;
  /** Null once the personal data has been purged after the retention period. */
  full_name: string | null;
  application_kind: string;
  /** The organisation whose sign-up link the person joined through, if any. */
  organisation: string | null;
  shift: { id: number; starts_at: string; ends_at: string };
  session: { id: number; date: string; cancelled_at: string | null; cancel_reason: string | null };
  site: { id: number; name: string; kind: string; address: string; access_notes: string | null; lat: number; lng: number };
}

export interface BookingView {
  ok: true;
  /** The manage token: only in the answer to book_places (and its replays). */
  token: string | null;
  phone_masked: string | null;
  bookings: BookedPerson[];
}

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
