// The answer of the booking functions as the tests read it.
export interface BookingView {
  ok: true;
  token: string | null;
  phone_masked: string | null;
  bookings: Array<{
    code: string;
    queue_no: number;
    status: string;
    full_name: string | null;
    application_kind: string;
    shift: { id: number; starts_at: string; ends_at: string };
    session: { id: number; date: string; cancelled_at: string | null; cancel_reason: string | null };
    site: { id: number; name: string; kind: string; address: string };
  }>;
}

export interface Refusal {
  code: string;
  details: Record<string, unknown> | null;
}

export function asView(data: unknown): BookingView {
  return data as BookingView;
}

/** The refusal code and details (JSON in a string, as PostgREST sends them) of a supabase-js error. */
export function refusal(error: { code: string; details: string | null } | null): Refusal | null {
  return error ? { code: error.code, details: error.details ? (JSON.parse(error.details) as Record<string, unknown>) : null } : null;
}
