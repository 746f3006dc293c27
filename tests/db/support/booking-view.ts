// Reading the booking functions' answers in tests.
import { bookingViewSchema, type BookingView } from '../../../src/domain/booking-view.ts';

export type { BookingView } from '../../../src/domain/booking-view.ts';

export interface Refusal {
  code: string;
  details: Record<string, unknown> | null;
}

/** A booking function's answer, parsed with the schema the site uses: a changed shape fails the test. */
export function asView(data: unknown): BookingView {
  return bookingViewSchema.parse(data);
}

/** The refusal code and details (JSON in a string, as PostgREST sends them) of a supabase-js error. */
export function refusal(error: { code: string; details: string | null } | null): Refusal | null {
  return error ? { code: error.code, details: error.details ? (JSON.parse(error.details) as Record<string, unknown>) : null } : null;
}
