// A booking made as the booking page makes it, through the public book_places function, for the
// specs that need one without walking through the form.
import { expect } from '@playwright/test';
import { publishableKey } from '../../../supabase/local/config.ts';
import { consentInForce, idempotencyKey, person, phone, type PersonInput } from '../../support/people.ts';
import { e2eApiUrl } from './ports.ts';

export interface Booked {
  bookings: Array<{ code: string; queue_no: number }>;
  /** The manage token of the booking's private link. */
  token: string;
}

export async function bookPlaces(shiftId: number, people: PersonInput[] = [person()]): Promise<Booked> {
  const response = await fetch(`${e2eApiUrl}/rest/v1/rpc/book_places`, {
    method: 'POST',
    headers: { apikey: publishableKey, Authorization: `Bearer ${publishableKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ p_shift_id: shiftId, p_people: people, p_phone: phone(), p_consent: consentInForce, p_idempotency_key: idempotencyKey() }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return (await response.json()) as Booked;
}
