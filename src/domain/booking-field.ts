// The pieces the booking's payloads are built of (booking.ts, booking-changes.ts,
// booking-code-field.ts): a `booking` message key, a field normalised then checked, the phone and
// shift fields, the most people in one booking. Apart from booking.ts, so the manage page's look-up
// loads without the booking form's schemas.
import { NEVER, coerce, int, pipe, positive, string, superRefine, transform, trim } from 'zod/mini';
import type { NamespaceResources } from '../i18n/schema.ts';
import { normalizePhone } from './phone.ts';

export type BookingMessageKey = `booking:${keyof NamespaceResources['booking']}`;

/** A `booking` key as a schema message; the type rejects a key the namespace lacks. */
export function bookingMessage<K extends keyof NamespaceResources['booking']>(key: K): `booking:${K}` {
  return `booking:${key}`;
}

/** A string field whose value is normalised first, then checked for its first problem. */
export function normalizedField(requiredKey: BookingMessageKey, normalize: (value: string) => string, problem: (value: string) => BookingMessageKey | null) {
  return pipe(string({ error: requiredKey }), transform(normalize)).check(
    superRefine((value, ctx) => {
      const key = problem(value);
      if (key) ctx.addIssue({ code: 'custom', message: key });
    }),
  );
}

/** People in one booking, as private.checked_people allows. */
export const maxPeoplePerBooking = 5;

/**
 * A mobile number as typed, normalised to 0xxxxxxxxx (shared with the home-visit, organisation
 * request and join forms, which name the number in their own words).
 */
export function phoneField(required: string = bookingMessage('phone.required'), invalid: string = bookingMessage('phone.invalid')) {
  return pipe(
    string({ error: required }).check(trim()),
    transform((value: string, ctx) => {
      // A mini transform's context has no addIssue: the issue goes straight into the payload.
      const fail = (message: string): never => {
        ctx.issues.push({ code: 'custom', message, input: value });
        return NEVER;
      };
      if (value === '') return fail(required);
      return normalizePhone(value) ?? fail(invalid);
    }),
  );
}

/** A shift chosen in a form: a positive whole number (shared with the join form). */
export function shiftIdField(message: string = bookingMessage('shift.required')) {
  return coerce.number({ error: message }).check(int(message), positive(message));
}
