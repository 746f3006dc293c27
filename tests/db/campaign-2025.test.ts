// A campaign on the 2025 units, end to end as its people meet it: a citizen at home in Phường Thuận
// Hoá finds where they are and the session of their commune, books it; the commune's officer
// records the day's intake, the province's administrator another commune's; the progress page's
// figures then rank the communes (no districts) with those numbers and the places booked.
import { expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { readSession } from '../../src/domain/schedules.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { officer } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeInCommune, sql } from './support/fixtures.ts';
import { hue2025, hue2025Ids } from './support/units-2025.ts';

const citizen = anonFrom('127.0.13.25');

test('a 2025 campaign: located, searched by point, booked, counted by commune officers, ranked by commune', async () => {
  const campaign = await createCampaign(hue2025.province, '2025');
  const ids = await hue2025Ids();
  await sql(
    `insert into public.unit_quotas (campaign_id, unit_id, quota) values ($1, $2, 1000), ($1, $3, 400)`,
    [campaign.id, ids[hue2025.thuanHoa], ids[hue2025.phuXuan]],
  );
  const home = await placeInCommune(hue2025.thuanHoa);
  const session = await createSession({ campaignId: campaign.id, place: await placeInCommune(hue2025.thuanHoa, 1.5) });
  const nearer = await createSession({ campaignId: campaign.id, place: { ...(await placeInCommune(hue2025.phuXuan)), lat: home.lat, lng: home.lng + 0.001 } });

  // Where am I? The commune the point lies in, with its English name.
  const located = answer(answerSchemas.locate_commune, await citizen.rpc('locate_commune', { p_lat: home.lat, p_lng: home.lng }));
  expect(located).toMatchObject({ found: true, commune: { code: hue2025.thuanHoa, name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward' }, province: { code: '46' } });

  // The commune's own session comes first, although the other is nearer to the point.
  const { data, error } = await citizen.rpc('search_sessions', { p_campaign: campaign.slug, p_lat: home.lat, p_lng: home.lng });
  expect(error).toBeNull();
  const rows = (data ?? []).map(readSession);
  expect(rows.map((row) => [row.session_id, row.in_located_commune, row.district_code])).toEqual([
    [session.sessionId, true, null],
    [nearer.sessionId, false, null],
  ]);

  const booked = await citizen.rpc('book_places', bookArgs(rows[0]!.recommended_shift_id ?? session.shiftIds[2]!, [person(), person()]));
  expect(booked.error).toBeNull();

  // The commune officer counts their commune; the province administrator another one.
  const yesterday = addDays(todayInVietnam(), -1);
  const commune = await officer('commune_officer', hue2025.thuanHoa, '2025');
  const province = await officer('province_admin', hue2025.province, '2025');
  const count = (client: typeof commune, unit: string, applications: number) =>
    client.rpc('staff_record_daily_count', { p_campaign_id: campaign.id, p_unit_id: ids[unit]!, p_day: yesterday, p_applications: applications, p_walk_ins: 0 });
  expect((await count(commune, hue2025.thuanHoa, 300)).error).toBeNull();
  expect((await count(province, hue2025.phuXuan, 200)).error).toBeNull();
  // The commune officer's scope stops at their commune.
  expect(refusal((await count(commune, hue2025.phuXuan, 1)).error)?.code).toBe('not_found');

  const progress = answer(answerSchemas.campaign_progress, await citizen.rpc('campaign_progress', { p_slug: campaign.slug }));
  expect(progress).toMatchObject({ intake: 500, booked_upcoming: 2 });
  const communes = await sql<{ n: number }>(
    "select count(*)::integer as n from public.admin_units where parent_id = (select id from public.admin_units where unit_set = '2025' and code = '46')",
  );
  expect(progress.units).toHaveLength(communes[0]!.n);
  // Phú Xuân has done half its quota, Thuận Hoá under a third: Phú Xuân leads.
  const ranked = progress.units.filter((unit) => unit.rank !== null).map((unit) => [unit.code, unit.rank, unit.percent, unit.recent_intake]);
  expect(ranked).toEqual([
    [hue2025.phuXuan, 1, 50, 200],
    [hue2025.thuanHoa, 2, 30, 300],
  ]);
});
