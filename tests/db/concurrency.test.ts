// A storm of parallel bookings on one small shift: nobody is placed beyond capacity, and queue
// numbers are handed out once each.
import { expect, test } from 'vitest';
import { asView } from './support/booking-view.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeIn, shiftCounts, sql } from './support/fixtures.ts';

test('200 parallel bookings on a shift of 20 place exactly 20 people, queue numbers 1 to 20, and tell the rest it is full', async () => {
  const { id: campaignId } = await createCampaign();
  const { shiftIds } = await createSession({ campaignId, place: await placeIn('474'), shifts: [{ start: '07:00', end: '12:00', capacity: 20 }] });
  const shiftId = shiftIds[0]!;
  // Each caller is a different citizen: another phone and another address.
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) => anonFrom(`127.0.3.${i + 1}`).rpc('book_places', bookArgs(shiftId, [person()]))),
  );

  const placed = answers.filter((a) => !a.error);
  expect(placed).toHaveLength(20);
  expect(placed.map((a) => asView(a.data).bookings[0]!.queue_no).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const refused = answers.filter((a) => a.error);
  expect(new Set(refused.map((a) => `${a.status} ${a.error!.code}`))).toEqual(new Set(['409 shift_full']));

  expect(await shiftCounts(shiftId)).toEqual({ booked: 20, last_queue_no: 20 });
  const [row] = await sql<{ confirmed: string; numbers: string }>(
    `select count(*) filter (where status = 'confirmed') as confirmed, count(distinct queue_no) as numbers from public.bookings where shift_id = $1`,
    [shiftId],
  );
  expect(row).toEqual({ confirmed: '20', numbers: '20' });
});
