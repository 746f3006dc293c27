// Campaign progress from the daily counts, and the purge of personal data after the retention period.
import { describe, expect, test } from 'vitest';
import { answer, answerSchemas } from './support/answers.ts';
import { asView, refusal } from './support/booking-view.ts';
import { serviceClient } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, phone, placeIn, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.5.1');

describe('campaign progress', () => {
  test('adds the daily counts up per district and works out the rate needed', async () => {
    const { id, slug } = await createCampaign('46');
    // Fixture campaign: quota 100,000 from today - 30 to today + 30.
    const ward = await placeIn('474');
    await sql(
      `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
       select $1, u.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date - d, n, 0
       from (values ('474', 2, 1000), ('474', 1, 500), ($2, 0, 250), ('476', 1, 4000)) as v (code, d, n)
       join public.admin_units u on u.unit_set = '2021' and u.code = v.code`,
      [id, ward.wardCode],
    );
    await sql(
      `insert into public.unit_quotas (campaign_id, unit_id, quota)
       select $1, id, 20000 from public.admin_units where unit_set = '2021' and code = '474'`,
      [id],
    );
    const progress = answer(answerSchemas.campaign_progress, await citizen.rpc('campaign_progress', { p_slug: slug }));
    expect(progress).toMatchObject({ quota: 100000, intake: 5750, remaining: 94250, days_left: 31, days_elapsed: 30, percent: 5.8 });
    expect(progress.rate_needed).toBe(Math.ceil(94250 / 31));
    expect(progress.average_daily).toBe(Math.round(5750 / 30));
    const byCode = Object.fromEntries(progress.units.map((u) => [u.code, u]));
    // A ward's count rolls up to its district; a district with a target gets its own rate.
    expect(byCode['474']).toMatchObject({ intake: 1750, today: 250, quota: 20000, percent: 8.8, rate_needed: Math.ceil(18250 / 31) });
    expect(byCode['476']).toMatchObject({ intake: 4000, today: 0, quota: null, percent: null, rate_needed: null });
    expect(progress.units).toHaveLength(9);
  });

  test('of an unknown campaign is refused', async () => {
    const { error, status } = await citizen.rpc('campaign_progress', { p_slug: 'no-such-campaign' });
    expect([status, refusal(error)?.code]).toEqual([404, 'campaign_not_found']);
  });
});

describe('retention', () => {
  test('clears names, dates of birth, ID numbers and phones after the period, keeping the counts', async () => {
    const { id: campaignId } = await createCampaign();
    const recent = await createSession({ campaignId, place: await placeIn('474'), inDays: 1 });
    const contact = phone();
    const booked = await citizen.rpc('book_places', bookArgs(recent.shiftIds[0]!, [
      person({ birth_date: '1990-05-17', id_number: '046090009999' }),
      person({ birth_date: '1991-06-18', id_number: '046091008888' }),
    ], { p_phone: contact }));
    const [keptCode, oldCode] = asView(booked.data).bookings.map((b) => b.code) as [string, string];
    // One of the two as if their session had taken place 40 days ago.
    const oldSession = await createSession({ campaignId, place: await placeIn('474'), inDays: -40 });
    await sql(`update public.bookings set shift_id = $1 where code = $2`, [oldSession.shiftIds[0], oldCode]);

    const report = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
    expect(report.bookings).toBeGreaterThanOrEqual(1);

    const [purged] = await sql(`select full_name, birth_date, id_number, status, purged_at is not null as purged from public.bookings where code = $1`, [oldCode]);
    expect(purged).toEqual({ full_name: null, birth_date: null, id_number: null, status: 'confirmed', purged: true });
    const [still] = await sql(`select id_number, purged_at from public.bookings where code = $1`, [keptCode]);
    expect(still).toEqual({ id_number: '046090009999', purged_at: null });
    // The group's other booking still needs the phone.
    const [group] = await sql(`select contact_phone from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1`, [oldCode]);
    expect(group).toEqual({ contact_phone: contact });
  });

  test('clears a group\'s phone once none of its bookings needs it, and the phone then opens nothing', async () => {
    const { id: campaignId } = await createCampaign();
    const past = await createSession({ campaignId, place: await placeIn('474'), inDays: 2 });
    const contact = phone();
    const booked = await citizen.rpc('book_places', bookArgs(past.shiftIds[0]!, [person()], { p_phone: contact }));
    const code = asView(booked.data).bookings[0]!.code;
    await sql(`update public.intake_sessions set session_date = session_date - 60 where id = $1`, [past.sessionId]);
    await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 });
    const [group] = await sql(`select contact_phone, g.purged_at is not null as purged from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1`, [code]);
    expect(group).toEqual({ contact_phone: null, purged: true });
    const lookup = await citizen.rpc('lookup_booking', { p_code: code, p_phone: contact });
    expect(refusal(lookup.error)?.code).toBe('not_found');
    const [shift] = await sql(`select booked from public.shifts where id = $1`, [past.shiftIds[0]]);
    expect(shift).toEqual({ booked: 1 });
  });
});
