// Assisted booking: an officer books for a person who phones or comes to the office, through the
// same engine as book_places (its rules and capacity), within their scope only, recorded as
// assisted by them and audited, without the per-address rate limit a commune office would hit.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { upsertStaffAccount } from '../../scripts/lib/staff-accounts.ts';
import { bookingViewSchema } from '../../src/domain/booking-view.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { answer } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { anonClient, officer, serviceClient, signedInUser } from './support/clients.ts';
import { anonFrom, bookArgs, countCalls, createCampaign, createSession, person, phone, placeIn, shiftCounts, sql, type Place } from './support/fixtures.ts';

let campaignId: number;
let wardId: number;
let phuHoi: Place;
let shiftIds: number[];
let commune: SupabaseClient<Database>;
let communeId: string;

beforeAll(async () => {
  campaignId = (await createCampaign('46')).id;
  phuHoi = { ...(await placeIn('474')), wardCode: '19786' };
  const [ward] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19786'");
  wardId = ward!.id;
  ({ shiftIds } = await createSession({ campaignId, place: phuHoi }));
  commune = await officer('commune_officer', '19786');
  communeId = (await commune.auth.getUser()).data.user!.id;
});

const groupOf = (code: string) =>
  sql<{ assisted_by: string | null; contact_phone: string }>(
    'select g.assisted_by::text, g.contact_phone from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1',
    [code],
  );
const bookingAudit = (code: string) =>
  sql<{ actor: string; action: string; unit_id: number; full_name: string }>(
    `select a.actor::text, a.action, a.unit_id, a.after ->> 'full_name' as full_name
     from public.audit_log a join public.bookings b on a.table_name = 'bookings' and a.row_id = b.id::text
     where b.code = $1 order by a.id`,
    [code],
  );

describe('an officer books for a person', () => {
  test('places the people with the next queue numbers under a relative\'s phone, as assisted by the officer, each audited', async () => {
    const before = await shiftCounts(shiftIds[0]!);
    const people = [person(), person()];
    const relative = phone();
    const view = answer(bookingViewSchema, await commune.rpc('staff_book_places', bookArgs(shiftIds[0]!, people, { p_phone: relative })));
    expect(view.bookings.map((b) => [b.full_name, b.queue_no, b.status])).toEqual([
      [people[0]!.full_name, before.last_queue_no + 1, 'confirmed'],
      [people[1]!.full_name, before.last_queue_no + 2, 'confirmed'],
    ]);
    // The person's private link is not the office's: the code and the phone open the booking.
    expect(view.token).toBeNull();
    expect(await shiftCounts(shiftIds[0]!)).toEqual({ booked: before.booked + 2, last_queue_no: before.last_queue_no + 2 });
    for (const booking of view.bookings) {
      expect(await groupOf(booking.code)).toEqual([{ assisted_by: communeId, contact_phone: relative }]);
      expect(await bookingAudit(booking.code)).toEqual([{ actor: communeId, action: 'insert', unit_id: wardId, full_name: booking.full_name }]);
    }
    // The person looks the booking up with its code and the phone given.
    const lookedUp = await anonFrom('127.0.33.2').rpc('lookup_booking', { p_code: view.bookings[0]!.code, p_phone: relative });
    expect(answer(bookingViewSchema, lookedUp).bookings.map((b) => b.code)).toEqual(view.bookings.map((b) => b.code));
  });

  test('a citizen\'s own booking is not assisted and not in the audit log', async () => {
    const view = answer(bookingViewSchema, await anonFrom('127.0.33.3').rpc('book_places', bookArgs(shiftIds[0]!, [person()])));
    const code = view.bookings[0]!.code;
    expect((await groupOf(code))[0]!.assisted_by).toBeNull();
    expect(await bookingAudit(code)).toEqual([]);
  });

  test('a replay of the same call answers the first booking and books nobody twice', async () => {
    const args = bookArgs(shiftIds[1]!, [person()]);
    const first = answer(bookingViewSchema, await commune.rpc('staff_book_places', args));
    const counts = await shiftCounts(shiftIds[1]!);
    const again = answer(bookingViewSchema, await commune.rpc('staff_book_places', args));
    expect(again).toEqual(first);
    expect(await shiftCounts(shiftIds[1]!)).toEqual(counts);
  });
});

describe('the same rules as a citizen\'s booking', () => {
  test('a full shift is refused with the places left, and nothing is booked', async () => {
    const { shiftIds: small } = await createSession({ campaignId, place: phuHoi, shifts: [{ start: '07:00', end: '12:00', capacity: 1 }] });
    const answerOf = await commune.rpc('staff_book_places', bookArgs(small[0]!, [person(), person()]));
    expect(answerOf.status).toBe(409);
    expect(refusal(answerOf.error)).toEqual({ code: 'shift_full', details: { places_left: 1 } });
    expect(await shiftCounts(small[0]!)).toEqual({ booked: 0, last_queue_no: 0 });
  });

  test('someone who already holds a booking in the campaign, a missing consent and a bad phone are refused', async () => {
    const booked = person();
    answer(bookingViewSchema, await anonFrom('127.0.33.4').rpc('book_places', bookArgs(shiftIds[0]!, [booked])));
    const codes = [
      await commune.rpc('staff_book_places', bookArgs(shiftIds[1]!, [person(), booked])),
      await commune.rpc('staff_book_places', bookArgs(shiftIds[1]!, [person()], { p_consent: '' })),
      await commune.rpc('staff_book_places', bookArgs(shiftIds[1]!, [person()], { p_phone: '12345' })),
    ].map((each) => refusal(each.error));
    expect(codes).toEqual([
      { code: 'already_booked', details: { person: 1 } },
      { code: 'consent_required', details: null },
      { code: 'invalid_phone', details: null },
    ]);
  });

  test('an unpublished session is not booked by an officer either', async () => {
    const { shiftIds: draft } = await createSession({ campaignId, place: phuHoi, published: false });
    expect(refusal((await commune.rpc('staff_book_places', bookArgs(draft[0]!, [person()]))).error)?.code).toBe('shift_unavailable');
  });
});

describe('who may book for others', () => {
  test('anyone but an officer of the shift\'s unit is refused, and nothing is booked', async () => {
    const other = await officer('commune_officer', '19789');
    const citizen = await signedInUser();
    const before = await shiftCounts(shiftIds[2]!);
    const anon = await anonClient().rpc('staff_book_places', bookArgs(shiftIds[2]!, [person()]));
    expect(anon.error?.code).toBe('42501');
    expect(refusal((await citizen.client.rpc('staff_book_places', bookArgs(shiftIds[2]!, [person()]))).error)?.code).toBe('not_allowed');
    expect(refusal((await other.rpc('staff_book_places', bookArgs(shiftIds[2]!, [person()]))).error)?.code).toBe('not_found');
    expect(await shiftCounts(shiftIds[2]!)).toEqual(before);
  });

  test('the officers above the ward book in it too', async () => {
    const district = await officer('district_officer', '474');
    answer(bookingViewSchema, await district.rpc('staff_book_places', bookArgs(shiftIds[2]!, [person()])));
  });

  test('an office whose address has used up the citizens\' booking limit still books', async () => {
    const ip = '127.0.33.9';
    const [rule] = await sql<{ max_hits: number }>("select max_hits from private.rate_limit_rules where action = 'book' and scope = 'ip'");
    await countCalls('book', 'ip', ip, rule!.max_hits);
    const citizenThere = anonFrom(ip);
    expect((await citizenThere.rpc('book_places', bookArgs(shiftIds[2]!, [person()]))).error?.code).toBe('rate_limited');

    const email = `assisting-${randomUUID()}@example.test`;
    await upsertStaffAccount(serviceClient(), { email, password: 'officer-password-1', role: 'commune_officer', unit: '19786', unitSet: '2021', displayName: 'Cán bộ thử' });
    const officerThere = anonFrom(ip);
    expect((await officerThere.auth.signInWithPassword({ email, password: 'officer-password-1' })).error).toBeNull();
    answer(bookingViewSchema, await officerThere.rpc('staff_book_places', bookArgs(shiftIds[2]!, [person()])));
  });
});
