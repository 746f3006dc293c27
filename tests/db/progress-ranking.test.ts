// The ranking of a campaign's units (emulation between districts or communes), their recent pace
// and the at-risk flag, and the booked places the progress page shows, as campaign_progress gives them.
import { describe, expect, test } from 'vitest';
import { answer, answerSchemas } from './support/answers.ts';
import { asView } from './support/booking-view.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeIn, sql } from './support/fixtures.ts';
import { hue2025 } from './support/units-2025.ts';

const citizen = anonFrom('127.0.5.2');

async function progressOf(slug: string) {
  return answer(answerSchemas.campaign_progress, await citizen.rpc('campaign_progress', { p_slug: slug }));
}

/** Quotas and daily counts of districts of Thừa Thiên Huế, `daysAgo` from today in Viet Nam. */
async function record(campaignId: number, quotas: Record<string, number>, counts: Array<[code: string, daysAgo: number, applications: number]>) {
  await sql(
    `insert into public.unit_quotas (campaign_id, unit_id, quota)
     select $1, u.id, q.quota::integer from jsonb_each_text($2::jsonb) as q (code, quota)
     join public.admin_units u on u.unit_set = '2021' and u.code = q.code`,
    [campaignId, JSON.stringify(quotas)],
  );
  await sql(
    `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
     select $1, u.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date - (c ->> 1)::integer, (c ->> 2)::integer, 0
     from jsonb_array_elements($2::jsonb) as c
     join public.admin_units u on u.unit_set = '2021' and u.code = c ->> 0`,
    [campaignId, JSON.stringify(counts)],
  );
}

describe('the ranking of a campaign\'s units', () => {
  test('orders the districts by share of their quota, equal shares sharing a place, those without a quota last', async () => {
    // Fixture campaign: quota 100,000 from today - 30 to today + 30, so 31 days are left.
    const { id, slug } = await createCampaign('46');
    await record(id, { '474': 10000, '476': 5000, '477': 2000, '478': 1000, '479': 500 }, [
      ['474', 20, 3000], ['474', 3, 700], ['474', 0, 100],
      ['476', 2, 1900],
      ['477', 1, 1000],
      ['479', 10, 600],
    ]);
    const progress = await progressOf(slug);
    expect(progress.recent_days).toBe(7);
    expect(progress.units.map((unit) => [unit.code, unit.percent, unit.rank])).toEqual([
      ['479', 120, 1],
      ['477', 50, 2],
      ['474', 38, 3],
      ['476', 38, 3],
      ['478', 0, 5],
      ['480', null, null],
      ['481', null, null],
      ['482', null, null],
      ['483', null, null],
    ]);
  });

  test('gives each district its intake over the seven days before today and flags those whose pace falls short', async () => {
    const { id, slug } = await createCampaign('46');
    await record(id, { '474': 10000, '476': 5000, '478': 1000, '479': 500 }, [
      // Today's count is still growing: it is in the intake, not in the recent pace.
      ['474', 20, 3000], ['474', 7, 700], ['474', 8, 50], ['474', 0, 100],
      ['476', 1, 1900],
      ['479', 10, 600],
    ]);
    const progress = await progressOf(slug);
    // The province's own recent pace: the same days, every unit.
    expect(progress).toMatchObject({ recent_days: 7, recent_intake: 2600, recent_average: 371 });
    const byCode = Object.fromEntries(progress.units.map((unit) => [unit.code, unit]));
    // 3,850 of 10,000: 6,150 over 31 days needs 199 a day; the last seven days gave 100 a day.
    expect(byCode['474']).toMatchObject({ intake: 3850, recent_intake: 700, recent_average: 100, rate_needed: 199, at_risk: true });
    // 1,900 of 5,000 needs 100 a day; the last seven days gave 271 a day.
    expect(byCode['476']).toMatchObject({ intake: 1900, recent_intake: 1900, recent_average: 271, rate_needed: 100, at_risk: false });
    // Nothing yet: at risk.
    expect(byCode['478']).toMatchObject({ intake: 0, recent_intake: 0, recent_average: 0, rate_needed: 33, at_risk: true });
    // Past its quota: nothing more is needed, so nothing recent is missing.
    expect(byCode['479']).toMatchObject({ intake: 600, recent_intake: 0, rate_needed: 0, at_risk: false });
    // No quota of its own: no rate to fall short of.
    expect(byCode['480']).toMatchObject({ quota: null, rate_needed: null, at_risk: false });
  });

  test('counts only the campaign\'s days in its first week, and flags no one on its first day or after its deadline', async () => {
    const { id, slug } = await createCampaign('46');
    await record(id, { '474': 10000 }, [['474', 1, 300], ['474', 2, 300], ['474', 0, 50]]);

    await sql(`update public.campaigns set starts_on = (now() at time zone 'Asia/Ho_Chi_Minh')::date - 2 where id = $1`, [id]);
    const early = await progressOf(slug);
    expect(early.recent_days).toBe(2);
    expect(early.units[0]).toMatchObject({ code: '474', recent_intake: 600, recent_average: 300, at_risk: true });

    await sql(`update public.campaigns set starts_on = (now() at time zone 'Asia/Ho_Chi_Minh')::date where id = $1`, [id]);
    const firstDay = await progressOf(slug);
    expect(firstDay.recent_days).toBe(0);
    expect(firstDay.units[0]).toMatchObject({ code: '474', recent_average: null, at_risk: false });

    await sql(
      `update public.campaigns set starts_on = (now() at time zone 'Asia/Ho_Chi_Minh')::date - 30,
              deadline = (now() at time zone 'Asia/Ho_Chi_Minh')::date - 1 where id = $1`,
      [id],
    );
    const over = await progressOf(slug);
    expect(over.units[0]).toMatchObject({ code: '474', rate_needed: null, at_risk: false });
  });
});

describe('what the campaign\'s figures are', () => {
  test('a demonstration campaign says its figures are made up; a 2025 campaign gives its communes\' English names, a 2021 one none', async () => {
    const hue = await createCampaign(hue2025.province, '2025');
    expect((await progressOf(hue.slug)).demonstration).toBe(false);
    await sql('update public.campaigns set demonstration = true where id = $1', [hue.id]);
    const demo = await progressOf(hue.slug);
    expect(demo.demonstration).toBe(true);
    expect(demo.units.find((unit) => unit.code === hue2025.thuanHoa)).toMatchObject({ name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward' });
    expect(demo.units.every((unit) => unit.name_en !== null)).toBe(true);

    const thuaThien = await progressOf((await createCampaign('46')).slug);
    expect(thuaThien.demonstration).toBe(false);
    expect(thuaThien.units.find((unit) => unit.code === '474')).toMatchObject({ name: 'Thành phố Huế', name_en: null });
    expect(thuaThien.units.every((unit) => unit.name_en === null)).toBe(true);
  });
});

describe('the booked places of the campaign', () => {
  test('are the places booked in its shifts still to come, as soon as they are booked', async () => {
    const { id, slug } = await createCampaign('46');
    const session = await createSession({ campaignId: id, place: await placeIn('474'), inDays: 1 });
    expect((await progressOf(slug)).booked_upcoming).toBe(0);
    const booked = await citizen.rpc('book_places', bookArgs(session.shiftIds[0]!, [person(), person()]));
    expect(asView(booked.data).bookings).toHaveLength(2);
    await citizen.rpc('book_places', bookArgs(session.shiftIds[1]!, [person()]));
    expect((await progressOf(slug)).booked_upcoming).toBe(3);
    // Once the session is over its places are no longer to come.
    await sql(`update public.shifts set starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days' where session_id = $1`, [session.sessionId]);
    expect((await progressOf(slug)).booked_upcoming).toBe(0);
  });
});
