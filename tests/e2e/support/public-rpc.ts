// The public API called as a citizen's phone calls it (the publishable key, no session), for specs
// that need a booking or a request made without going through its form. The answer is read with
// the site's own schema, so a call that fails or answers something else fails the test here.
import { expect } from '@playwright/test';
import { parse, type core, type output } from 'zod/mini';
import { bookingViewSchema } from '../../../src/domain/booking-view.ts';
import { publishableKey } from '../../../supabase/local/config.ts';
import { consentInForce, idempotencyKey, person, phone, type PersonInput } from '../../support/people.ts';
import { e2eApiUrl } from './ports.ts';

export async function publicRpc<S extends core.$ZodType>(name: string, args: Record<string, unknown>, schema: S): Promise<output<S>> {
  const response = await fetch(`${e2eApiUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey: publishableKey, Authorization: `Bearer ${publishableKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return parse(schema, await response.json());
}

/** People booked as the booking page books them (the public book_places function), by one phone. */
export async function bookPlaces(shiftId: number, people: PersonInput[] = [person()], contact = phone()) {
  return publicRpc(
    'book_places',
    { p_shift_id: shiftId, p_people: people, p_phone: contact, p_consent: consentInForce, p_idempotency_key: idempotencyKey() },
    bookingViewSchema,
  );
}

/** A made-up citizen's booking, with what its holder knows. */
export async function bookAPlace(shiftId: number): Promise<{ code: string; token: string; queueNo: number; fullName: string; phone: string }> {
  const citizen = person();
  const contact = phone();
  const view = await bookPlaces(shiftId, [citizen], contact);
  return { code: view.bookings[0]!.code, token: view.token ?? '', queueNo: view.bookings[0]!.queue_no, fullName: citizen.full_name, phone: contact };
}
