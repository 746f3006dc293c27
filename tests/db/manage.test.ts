// Looking a booking up, cancelling it and moving it: by code and phone, or by code and token.
import { beforeAll, describe, expect, test } from 'vitest';
import { asView, refusal } from './support/booking-view.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, phone, placeIn, shiftCounts } from './support/fixtures.ts';

const citizen = anonFrom('127.0.2.1');
let campaignId: number;
let shifts: number[];

beforeAll(async () => {
  ({ id: campaignId } = await createCampaign());
  ({ shiftIds: shifts } = await createSession({ campaignId, place: await placeIn('474') }));
});

async function book(shiftId: number, people = [person(), person()]) {
  const contact = phone();
  const { data, error } = await citizen.rpc('book_places', bookArgs(shiftId, people, { p_phone: contact }));
  if (error) throw new Error(error.code);
  const view = asView(data);
  return { view, phone: contact, code: view.bookings[0]!.code, token: view.token! };
}

const dashed = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase();

describe('looking a booking up', () => {
  test('by code and phone, as people type them, shows the whole group without the ID numbers', async () => {
    const booking = await book(shifts[0]!, [person({ birth_date: '1990-05-17', id_number: '046090005555' }), person()]);
    const typedPhone = `+84 ${booking.phone.slice(1, 3)} ${booking.phone.slice(3, 6)} ${booking.phone.slice(6)}`;
    const { data, error } = await citizen.rpc('lookup_booking', { p_code: dashed(booking.code), p_phone: typedPhone });
    expect(error).toBeNull();
    const view = asView(data);
    expect(view.bookings.map((b) => b.code)).toEqual(booking.view.bookings.map((b) => b.code));
    expect(view.token).toBeNull();
    expect(view.phone_masked).toBe(`${booking.phone.slice(0, 3)}****${booking.phone.slice(-3)}`);
    expect(JSON.stringify(view)).not.toContain('046090005555');
  });

  test('by code and the manage token of the link', async () => {
    const booking = await book(shifts[0]!);
    const { data, error } = await citizen.rpc('lookup_booking', { p_code: booking.code, p_token: booking.token });
    expect(error).toBeNull();
    expect(asView(data).bookings).toHaveLength(2);
  });

  test('gives the same answer for a wrong phone, a wrong token and an unknown code', async () => {
    const booking = await book(shifts[0]!);
    const other = await book(shifts[0]!);
    const answers = await Promise.all([
      citizen.rpc('lookup_booking', { p_code: booking.code, p_phone: phone() }),
      citizen.rpc('lookup_booking', { p_code: booking.code, p_phone: other.phone }),
      citizen.rpc('lookup_booking', { p_code: booking.code, p_token: other.token }),
      citizen.rpc('lookup_booking', { p_code: '00000000' + '0', p_phone: booking.phone }),
      citizen.rpc('lookup_booking', { p_code: booking.code }),
    ]);
    for (const answer of answers) {
      expect(answer.data).toBeNull();
      expect([answer.status, refusal(answer.error)]).toEqual([404, { code: 'not_found', details: null }]);
    }
  });

  test('refuses a code whose check character is wrong before looking anything up', async () => {
    const booking = await book(shifts[0]!);
    const last = booking.code.at(-1) === '0' ? '1' : '0';
    const { error } = await citizen.rpc('lookup_booking', { p_code: booking.code.slice(0, 8) + last, p_phone: booking.phone });
    expect(refusal(error)).toMatchObject({ code: 'invalid_code' });
  });
});

describe('cancelling', () => {
  test('frees the places, and the group can no longer be cancelled twice', async () => {
    const before = await shiftCounts(shifts[1]!);
    const booking = await book(shifts[1]!);
    const { data, error } = await citizen.rpc('cancel_booking', { p_code: booking.code, p_phone: booking.phone });
    expect(error).toBeNull();
    expect(asView(data).bookings.map((b) => b.status)).toEqual(['cancelled', 'cancelled']);
    expect((await shiftCounts(shifts[1]!)).booked).toBe(before.booked);
    const again = await citizen.rpc('cancel_booking', { p_code: booking.code, p_phone: booking.phone });
    expect(refusal(again.error)).toMatchObject({ code: 'nothing_to_change' });
  });

  test('one person of a group, leaving the others booked', async () => {
    const booking = await book(shifts[1]!);
    const second = booking.view.bookings[1]!.code;
    const { data } = await citizen.rpc('cancel_booking', { p_code: booking.code, p_token: booking.token, p_codes: [second] });
    const statuses = Object.fromEntries(asView(data).bookings.map((b) => [b.code, b.status]));
    expect(statuses).toEqual({ [booking.code]: 'confirmed', [second]: 'cancelled' });
  });

  test('lets the same person book again afterwards', async () => {
    const someone = person();
    const booking = await book(shifts[1]!, [someone]);
    await citizen.rpc('cancel_booking', { p_code: booking.code, p_phone: booking.phone });
    const { error } = await citizen.rpc('book_places', bookArgs(shifts[2]!, [someone]));
    expect(error).toBeNull();
  });
});

describe('moving', () => {
  test('to another session frees the old places and hands out new queue numbers', async () => {
    const target = await createSession({ campaignId, place: await placeIn('474', 5), inDays: 5 });
    const booking = await book(shifts[0]!);
    const [sourceBefore, targetBefore] = [await shiftCounts(shifts[0]!), await shiftCounts(target.shiftIds[2]!)];
    const { data, error } = await citizen.rpc('move_booking', { p_code: booking.code, p_phone: booking.phone, p_shift_id: target.shiftIds[2]! });
    expect(error).toBeNull();
    const view = asView(data);
    expect(view.bookings.map((b) => [b.code, b.shift.id, b.queue_no])).toEqual(
      booking.view.bookings.map((b, i) => [b.code, target.shiftIds[2], targetBefore.last_queue_no + 1 + i]),
    );
    expect(view.bookings[0]!.session.id).toBe(target.sessionId);
    expect((await shiftCounts(shifts[0]!)).booked).toBe(sourceBefore.booked - 2);
    expect((await shiftCounts(target.shiftIds[2]!)).booked).toBe(targetBefore.booked + 2);
  });

  test('again to the same shift (an answer that was lost) changes nothing', async () => {
    const booking = await book(shifts[0]!);
    const first = await citizen.rpc('move_booking', { p_code: booking.code, p_token: booking.token, p_shift_id: shifts[1]! });
    const counts = await shiftCounts(shifts[1]!);
    const again = await citizen.rpc('move_booking', { p_code: booking.code, p_token: booking.token, p_shift_id: shifts[1]! });
    expect(again.error).toBeNull();
    expect(again.data).toEqual(first.data);
    expect(await shiftCounts(shifts[1]!)).toEqual(counts);
  });

  test('to a shift without enough places changes nothing', async () => {
    const small = await createSession({ campaignId, place: await placeIn('474'), inDays: 6, shifts: [{ start: '07:00', end: '12:00', capacity: 1 }] });
    const booking = await book(shifts[0]!);
    const before = await shiftCounts(shifts[0]!);
    const { error } = await citizen.rpc('move_booking', { p_code: booking.code, p_phone: booking.phone, p_shift_id: small.shiftIds[0]! });
    expect(refusal(error)).toEqual({ code: 'shift_full', details: { places_left: 1 } });
    expect(await shiftCounts(shifts[0]!)).toEqual(before);
    expect(await shiftCounts(small.shiftIds[0]!)).toEqual({ booked: 0, last_queue_no: 0 });
  });

  test('to a shift of another campaign is refused', async () => {
    const other = await createCampaign('06');
    const elsewhere = await createSession({ campaignId: other.id, place: await placeIn('058') });
    const booking = await book(shifts[0]!);
    const { error } = await citizen.rpc('move_booking', { p_code: booking.code, p_phone: booking.phone, p_shift_id: elsewhere.shiftIds[0]! });
    expect(refusal(error)).toMatchObject({ code: 'different_campaign' });
  });

  test('under contention fills the target exactly to its capacity', async () => {
    const target = await createSession({ campaignId, place: await placeIn('474'), inDays: 7, shifts: [{ start: '12:00', end: '17:00', capacity: 5 }] });
    const bookings: Array<Awaited<ReturnType<typeof book>>> = [];
    for (let i = 0; i < 12; i++) bookings.push(await book(shifts[2]!, [person()]));
    const answers = await Promise.all(
      bookings.map((b, i) => anonFrom(`127.0.2.${100 + i}`).rpc('move_booking', { p_code: b.code, p_token: b.token, p_shift_id: target.shiftIds[0]! })),
    );
    const moved = answers.filter((a) => !a.error).map((a) => asView(a.data).bookings[0]!.queue_no);
    expect(moved.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(answers.filter((a) => a.error).map((a) => a.error!.code)).toEqual(Array(7).fill('shift_full'));
    expect(await shiftCounts(target.shiftIds[0]!)).toEqual({ booked: 5, last_queue_no: 5 });
  });
});
