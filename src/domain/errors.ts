// The refusals the database functions answer with (private.refuse, private.refusal,
// private.raise_refusal and private.constraint_refusals in supabase/schemas), and the texts that
// explain them. Each code is a key of the `errors` namespace, so the texts tell the person what
// happened and what to do next.

/** Every code the database refuses a citizen's or an officer's call with. */
export const refusalCodes = [
  'rate_limited',
  'not_found',
  'shift_not_found',
  'campaign_not_found',
  'shift_full',
  'shift_unavailable',
  'shift_past',
  'already_booked',
  'phone_limit',
  'idempotency_conflict',
  'nothing_to_change',
  'different_campaign',
  'invalid_people',
  'invalid_name',
  'invalid_birth_date',
  'invalid_id_number',
  'invalid_application_kind',
  'too_young',
  'duplicate_person',
  'invalid_phone',
  'consent_required',
  'consent_outdated',
  'ward_outside_campaign',
  'invalid_idempotency_key',
  'invalid_code',
  'invalid_argument',
  'not_allowed',
  'booking_not_active',
  'queue_empty',
  'not_present',
  'not_marked',
  'day_over',
  'session_has_bookings',
  'session_exists',
  'session_started',
  'capacity_below_booked',
  'unit_not_in_campaign',
  'link_not_found',
  'link_paused',
  'link_revoked',
  'link_closed',
  'link_full',
  'guardian_consent_required',
  'home_visit_exists',
  'home_visit_not_open',
  'invalid_transition',
  'campaign_slug_taken',
  'role_misfit',
  'plan_within_notice',
  'unexpected',
] as const;

export type RefusalCode = (typeof refusalCodes)[number];

export type ErrorMessageKey = `errors:${RefusalCode}`;

/** The `errors` key shown when the request never reached the database (offline, timeout). */
export const networkErrorKey = 'errors:network' as const;

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && (refusalCodes as readonly string[]).includes(value);
}

/** The `errors` namespace key for a refusal code; anything unknown reads as unexpected. */
export function errorMessageKey(code: string | null | undefined): ErrorMessageKey {
  return `errors:${isRefusalCode(code) ? code : 'unexpected'}`;
}

/** A refusal as the site handles it: a known code and its details (empty when none). */
export interface Refusal {
  code: RefusalCode;
  details: Record<string, unknown>;
}

/**
 * Reads the `error` supabase-js returns for a refused call. PostgREST carries `details` as JSON in
 * a string (`{"person": 1}`); anything unreadable there is dropped rather than shown.
 */
export function readRefusal(error: { code?: string | null; details?: unknown } | null | undefined): Refusal {
  const code = isRefusalCode(error?.code) ? error.code : 'unexpected';
  let details: unknown = error?.details;
  if (typeof details === 'string') {
    try {
      details = JSON.parse(details);
    } catch {
      details = null;
    }
  }
  const isObject = typeof details === 'object' && details !== null && !Array.isArray(details);
  return { code, details: isObject ? (details as Record<string, unknown>) : {} };
}

/** The index in the request's `people` of the person a refusal is about, if it names one. */
export function refusalPerson(refusal: Refusal): number | undefined {
  const person = refusal.details.person;
  return typeof person === 'number' && Number.isInteger(person) && person >= 0 ? person : undefined;
}

/** The places a shift had left when it refused a booking as full (`shift_full`), if it said. */
export function refusalPlacesLeft(refusal: Refusal): number | undefined {
  const left = refusal.details.places_left;
  return refusal.code === 'shift_full' && typeof left === 'number' && Number.isInteger(left) && left >= 0 ? left : undefined;
}

/**
 * The key and the interpolation values of a refusal's text. `names` are the full names of the
 * request's people in order, for the `{{name}}` of refusals about one person.
 */
export function refusalMessage(
  refusal: Refusal,
  names: readonly string[] = [],
): { key: ErrorMessageKey; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {};
  const person = refusalPerson(refusal);
  if (person !== undefined) values.name = names[person] ?? String(person + 1);
  for (const field of ['min_age', 'max', 'places_left', 'booked'] as const) {
    const value = refusal.details[field];
    if (typeof value === 'number') values[field] = value;
  }
  return { key: errorMessageKey(refusal.code), values };
}
