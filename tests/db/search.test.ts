// Finding sessions by place, date and distance, with the shift the campaign rule recommends.
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { readSession, type SessionResult } from '../../src/domain/schedules.ts';
import { refusal } from './support/booking-view.ts';
import { anonFrom, createCampaign, createSession, placeIn, placeInCommune, sql, type Place } from './support/fixtures.ts';

const citizen = anonFrom('127.0.4.1');

let campaignId: number;
let here: Place;
let sameWard: Awaited<ReturnType<typeof createSession>>;
let farAway: Awaited<ReturnType<typeof createSession>>;
let draft: Awaited<ReturnType<typeof createSession>>;
let cancelled: Awaited<ReturnType<typeof createSession>>;
let ended: Awaited<ReturnType<typeof createSession>>;
let later: Awaited<ReturnType<typeof createSession>>;

beforeAll(async () => {
  ({ id: campaignId } = await createCampaign('06'));
  // Bắc Kạn: Thành phố Bắc Kạn (058) and Huyện Ba Bể (061)
  here = await placeIn('058', 0, 0);
  sameWard = await createSession({ campaignId, place: here, inDays: 2 });
  farAway = await createSession({ campaignId, place: await placeIn('058', 8, 1), inDays: 2 });
  draft = await createSession({ campaignId, place: here, inDays: 3, published: false });
  cancelled = await createSession({ campaignId, place: here, inDays: 4 });
  await sql(`update public.intake_sessions set cancelled_at = now() where id = $1`, [cancelled.sessionId]);
  ended = await createSession({ campaignId, place: here, inDays: -2 });
  later = await createSession({ campaignId, place: here, inDays: 40 });
});

/** The rows of this file's sessions, read as the schedules page reads them. */
async function search(args: Record<string, unknown>): Promise<SessionResult[]> {
  const { data, error } = await citizen.rpc('search_sessions', args);
  expect(error).toBeNull();
  return (data ?? []).map(readSession).filter((row) =>
    [sameWard, farAway, draft, cancelled, ended, later].some((s) => s.sessionId === row.session_id),
  );
}

const ids = (rows: readonly { session_id: number }[]) => rows.map((row) => row.session_id).sort();

describe('searching sessions', () => {
  test('by ward finds only that ward\'s published, upcoming sessions, and recommends the evening shift', async () => {
    const rows = await search({ p_ward: here.wardCode });
    expect(ids(rows)).toEqual([sameWard.sessionId]);
    expect(rows[0]!.recommended_shift_id).toBe(sameWard.shiftIds[2]);
    expect(rows[0]!.shifts.map((s) => s.id)).toEqual(sameWard.shiftIds);
    expect(rows[0]!.shifts.every((s) => s.places_left > 0 && s.bookable)).toBe(true);
  });

  test('by district and by province', async () => {
    expect(ids(await search({ p_district: '058' }))).toEqual(ids([{ session_id: sameWard.sessionId }, { session_id: farAway.sessionId }]));
    expect(ids(await search({ p_province: '06', p_to: null }))).toHaveLength(2);
    expect(await search({ p_province: '46' })).toEqual([]);
  });

  test('by distance, nearest first, recommending daytime to people far away', async () => {
    const rows = await search({ p_lat: here.lat, p_lng: here.lng });
    expect(rows.map((r) => r.session_id)).toEqual([sameWard.sessionId, farAway.sessionId]);
    expect(rows[0]!.distance_km).toBeLessThan(0.1);
    expect(rows[1]!.distance_km).toBeGreaterThan(7.5);
    expect(rows[1]!.distance_km).toBeLessThan(8.5);
    expect(rows[0]!.recommended_shift_id).toBe(sameWard.shiftIds[2]);
    expect(rows[1]!.recommended_shift_id).toBe(farAway.shiftIds[0]);
  });

  test('within a radius', async () => {
    expect(ids(await search({ p_lat: here.lat, p_lng: here.lng, p_radius_km: 3 }))).toEqual([sameWard.sessionId]);
  });

  test('in a date range', async () => {
    expect(ids(await search({ p_district: '058', p_from: null, p_to: null }))).not.toContain(later.sessionId);
    const today = todayInVietnam();
    const inDays = (n: number) => addDays(today, n);
    expect(ids(await search({ p_district: '058', p_from: inDays(35), p_to: inDays(45) }))).toEqual([later.sessionId]);
  });

  test('refuses filters that make no sense', async () => {
    for (const args of [{ p_ward: '12' }, { p_from: '2030-01-10', p_to: '2030-01-01' }, { p_lat: 50, p_lng: 105 }, { p_lat: 21 }, { p_radius_km: 5 }]) {
      const { error, status } = await citizen.rpc('search_sessions', args);
      expect([status, refusal(error)?.code]).toEqual([400, 'invalid_argument']);
    }
  });
});

describe('in a 2025 campaign', () => {
  // Thành phố Huế (46 in the 2025 set): Phường Thuận Hoá (19789) and Phường Phú Xuân (19753). 19789
  // is also a 2021 ward code of Huế: a 2021 campaign's session there must never show.
  let slug: string;
  let thuanHoa: Awaited<ReturnType<typeof createSession>>;
  let phuXuan: Awaited<ReturnType<typeof createSession>>;
  let old2021: Awaited<ReturnType<typeof createSession>>;
  let point: Place;
  const mine = (rows: SessionResult[]) => rows.filter((row) => [thuanHoa, phuXuan, old2021].some((s) => s.sessionId === row.session_id));

  beforeAll(async () => {
    const campaign = await createCampaign('46', '2025');
    slug = campaign.slug;
    point = await placeInCommune('19789');
    // A site's commune is its ward, wherever its pin is: the Phú Xuân site is pinned nearer the
    // point than the Thuận Hoá one, so only the commune can put Thuận Hoá first.
    thuanHoa = await createSession({ campaignId: campaign.id, place: await placeInCommune('19789', 2) });
    phuXuan = await createSession({ campaignId: campaign.id, place: { ...(await placeInCommune('19753')), lat: point.lat, lng: (await placeInCommune('19789', 0.5)).lng } });
    const { id: campaign2021 } = await createCampaign('46');
    old2021 = await createSession({ campaignId: campaign2021, place: { wardCode: '19789', districtCode: '474', lat: point.lat, lng: point.lng } });
  });

  async function searchIn(args: Record<string, unknown>): Promise<SessionResult[]> {
    const { data, error } = await citizen.rpc('search_sessions', args);
    expect(error).toBeNull();
    return mine((data ?? []).map(readSession));
  }

  test('by commune: the code is read in the campaign\'s set', async () => {
    expect(ids(await searchIn({ p_campaign: slug, p_ward: '19789' }))).toEqual([thuanHoa.sessionId]);
    expect(ids(await searchIn({ p_campaign: slug, p_ward: '19753' }))).toEqual([phuXuan.sessionId]);
    expect(ids(await searchIn({ p_campaign: slug, p_province: '46' }))).toEqual(ids([{ session_id: thuanHoa.sessionId }, { session_id: phuXuan.sessionId }]));
    // Without a campaign the codes are 2021 ones, as on the old posters.
    expect(ids(await searchIn({ p_ward: '19789' }))).toEqual([old2021.sessionId]);
  });

  test('names the ward and the province in English too where the set has English names (2025), not in 2021', async () => {
    const names = (row: SessionResult) => [row.ward_name, row.ward_name_en, row.province_name, row.province_name_en];
    const [commune] = await searchIn({ p_campaign: slug, p_ward: '19789' });
    expect(names(commune!)).toEqual(['Phường Thuận Hoá', 'Thuan Hoa Ward', 'Thành phố Huế', 'Hue City']);
    const [ward2021] = await searchIn({ p_ward: '19789' });
    expect([ward2021!.ward_name_en, ward2021!.province_name, ward2021!.province_name_en]).toEqual([null, 'Tỉnh Thừa Thiên Huế', null]);
  });

  test('by point: the sessions of the commune the point lies in first, then the rest by distance', async () => {
    const rows = await searchIn({ p_campaign: slug, p_lat: point.lat, p_lng: point.lng });
    expect(rows.map((row) => [row.session_id, row.in_located_commune])).toEqual([[thuanHoa.sessionId, true], [phuXuan.sessionId, false]]);
    expect(rows[1]!.distance_km).toBeLessThan(rows[0]!.distance_km!);
    expect(rows.map((row) => row.district_code)).toEqual([null, null]);
  });

  test('a 2021 campaign sorts by distance alone', async () => {
    const rows = await searchIn({ p_lat: point.lat, p_lng: point.lng });
    expect(rows.map((row) => [row.session_id, row.in_located_commune])).toEqual([[old2021.sessionId, false]]);
  });

  test('refuses a campaign that does not exist', async () => {
    const { error, status } = await citizen.rpc('search_sessions', { p_campaign: 'no-such-campaign' });
    expect([status, refusal(error)?.code]).toEqual([400, 'invalid_argument']);
  });
});

describe('the nearest alternatives to a full shift', () => {
  let origin: Awaited<ReturnType<typeof createSession>>;
  let sameDayFar: Awaited<ReturnType<typeof createSession>>;
  let sameDayNear: Awaited<ReturnType<typeof createSession>>;
  let nextDayFar: Awaited<ReturnType<typeof createSession>>;
  let nextDayNear: Awaited<ReturnType<typeof createSession>>;
  let weekLater: Awaited<ReturnType<typeof createSession>>;
  let unpublished: Awaited<ReturnType<typeof createSession>>;
  let cancelledToo: Awaited<ReturnType<typeof createSession>>;
  let closing: Awaited<ReturnType<typeof createSession>>;

  beforeAll(async () => {
    // A campaign of its own, so that only this block's sessions are candidates.
    const { id } = await createCampaign('06');
    const centre = await placeIn('058', 0, 0);
    origin = await createSession({ campaignId: id, place: centre, inDays: 5 });
    sameDayFar = await createSession({ campaignId: id, place: await placeIn('058', 9, 1), inDays: 5 });
    sameDayNear = await createSession({ campaignId: id, place: await placeIn('058', 2, 2), inDays: 5 });
    nextDayFar = await createSession({ campaignId: id, place: await placeIn('058', 6, 3), inDays: 6 });
    nextDayNear = await createSession({ campaignId: id, place: await placeIn('058', 1, 4), inDays: 6 });
    weekLater = await createSession({ campaignId: id, place: centre, inDays: 12 });
    unpublished = await createSession({ campaignId: id, place: centre, inDays: 5, published: false });
    cancelledToo = await createSession({ campaignId: id, place: await placeIn('058', 1, 6), inDays: 5 });
    await sql('update public.intake_sessions set cancelled_at = now() where id = $1', [cancelledToo.sessionId]);
    // A session today whose only shift is an hour from its end: past the booking cut-off.
    closing = await createSession({ campaignId: id, place: await placeIn('058', 0, 5), inDays: 0, shifts: [{ start: '00:00', end: '23:59', capacity: 10 }] });
    await sql("update public.shifts set starts_at = now() - interval '3 hours', ends_at = now() + interval '59 minutes' where id = $1", [closing.shiftIds[0]]);
    await sql('update public.shifts set booked = capacity where id = $1', [origin.shiftIds[1]]);
  });

  // Another session's shifts, nearest in time to the full midday shift first (equally near: the earlier).
  const byTime = (ids: number[]) => [ids[1]!, ids[0]!, ids[2]!];

  async function alternatives(args: Record<string, unknown>) {
    const { data, error } = await citizen.rpc('nearest_alternatives', { p_shift_id: origin.shiftIds[1]!, p_limit: 20, ...args });
    expect(error).toBeNull();
    return (data ?? []).map((row) => row.shift_id);
  }

  test('the same session\'s other shifts first, then the same day nearest first, then the next days nearest first', async () => {
    expect(await alternatives({})).toEqual([
      ...origin.shiftIds.filter((id) => id !== origin.shiftIds[1]),
      ...byTime(sameDayNear.shiftIds),
      ...byTime(sameDayFar.shiftIds),
      ...byTime(nextDayNear.shiftIds),
      ...byTime(nextDayFar.shiftIds),
      ...byTime(weekLater.shiftIds),
    ]);
  });

  test('never a shift that cannot take the people: full, too small for the group, unpublished, cancelled or past its booking cut-off', async () => {
    await sql('update public.shifts set booked = capacity - 1 where id = $1', [sameDayNear.shiftIds[1]]);
    const forOne = await alternatives({});
    const forTwo = await alternatives({ p_places: 2 });
    expect(forOne).toContain(sameDayNear.shiftIds[1]);
    expect(forTwo).not.toContain(sameDayNear.shiftIds[1]);
    expect(forTwo).toEqual(forOne.filter((id) => id !== sameDayNear.shiftIds[1]));
    for (const shut of [origin.shiftIds[1], unpublished.shiftIds[0], cancelledToo.shiftIds[0], closing.shiftIds[0]]) expect(forOne).not.toContain(shut);
    await sql('update public.shifts set booked = 0 where id = $1', [sameDayNear.shiftIds[1]]);
  });

  test('the limit keeps the nearest', async () => {
    expect(await alternatives({ p_limit: 3 })).toEqual([origin.shiftIds[0], origin.shiftIds[2], sameDayNear.shiftIds[1]]);
  });
});
