// Consent follows the law in force on the day: the database's dated texts are the site's
// (src/content/law/consent-texts.json), it picks the text the site picks on every day around each
// change of law, and a booking records the text agreed to; a text not in force today is refused
// with the one that is, before anything is written. (Sign-ups, home visits and organisation
// requests: signup-links.test.ts, home-visits.test.ts.)
import { beforeAll, describe, expect, test } from 'vitest';
import { consentTextInForce, consentTexts } from '../../src/domain/consent-texts.ts';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { asView, refusal } from './support/booking-view.ts';
import { anonFrom, bookArgs, consentInForce, createCampaign, createSession, person, placeIn, shiftCounts, sql } from './support/fixtures.ts';

/** A text of the data that is not in force today. */
const outdated = consentTexts.find((text) => text.id !== consentInForce)!.id;

describe('the dated consent texts', () => {
  test('are the same in the database and in the site’s data', async () => {
    const rows = await sql('select id, valid_from::text, valid_to::text from private.consent_texts order by valid_from');
    expect(rows).toEqual(consentTexts.map(({ id, valid_from, valid_to }) => ({ id, valid_from, valid_to })));
  });

  test('the database picks the text the site picks, on each side of every change and today', async () => {
    const days = [
      todayInVietnam(),
      ...consentTexts.flatMap((text) => [addDays(text.valid_from, -1), text.valid_from, ...(text.valid_to ? [text.valid_to, addDays(text.valid_to, 1)] : [])]),
    ];
    const rows = await sql<{ day: string; id: string | null }>('select d as day, private.consent_text_on(d::date) as id from unnest($1::text[]) d', [days]);
    expect(rows).toEqual(days.map((day) => ({ day, id: consentTextInForce(day)?.id ?? null })));
  });

  test('follow Decree 13/2023 to the end of 2025 and the Personal Data Protection Law 91/2025/QH15 from 1 January 2026', async () => {
    const rows = await sql<{ id: string }>(`select private.consent_text_on(d::date) as id from unnest(array['2025-12-31', '2026-01-01']) d`);
    expect(rows.map((row) => row.id)).toEqual(['decree-13-2023', 'law-91-2025']);
  });
});

describe('a booking', () => {
  const citizen = anonFrom('127.0.95.1');
  let shiftId: number;

  beforeAll(async () => {
    const { id: campaignId } = await createCampaign();
    shiftId = (await createSession({ campaignId, place: await placeIn('474') })).shiftIds[0]!;
  });

  test('records the text the person agreed to', async () => {
    const { data, error } = await citizen.rpc('book_places', bookArgs(shiftId, [person()]));
    expect(error).toBeNull();
    const rows = await sql('select g.consent_text_id from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1', [asView(data).bookings[0]!.code]);
    expect(rows).toEqual([{ consent_text_id: consentInForce }]);
  });

  test('is refused with a text not in force today, naming the one that is, and takes no place', async () => {
    const before = await shiftCounts(shiftId);
    const { error, status } = await citizen.rpc('book_places', bookArgs(shiftId, [person()], { p_consent: outdated }));
    expect(status).toBe(409);
    expect(refusal(error)).toEqual({ code: 'consent_outdated', details: { in_force: consentInForce } });
    expect(refusal((await citizen.rpc('book_places', bookArgs(shiftId, [person()], { p_consent: 'made-up-text' }))).error)?.code).toBe('consent_outdated');
    expect(await shiftCounts(shiftId)).toEqual(before);
  });
});
