// SQL on the e2e run's own database, to find demo data and to set up what a page cannot (a full
// shift). Never the dev database: the port comes from the run's slot.
import pg from 'pg';
import { e2eDbUrl } from './ports.ts';

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A bookable shift of a published session in a ward, some days ahead, with enough places. */
export async function bookableShift(wardCode = '19786', minPlaces = 10): Promise<{ shiftId: number; sessionId: number }> {
  const [row] = await sql<{ shift_id: string; session_id: string }>(
    `select s.id as shift_id, sess.id as session_id
     from public.shifts s
     join public.intake_sessions sess on sess.id = s.session_id
     join public.intake_sites site on site.id = sess.site_id
     join public.admin_units w on w.id = site.ward_id
     where w.code = $1 and sess.published and sess.cancelled_at is null
       and s.starts_at > now() + interval '1 day' and s.capacity - s.booked >= $2
     order by s.starts_at limit 1`,
    [wardCode, minPlaces],
  );
  if (!row) throw new Error(`no bookable shift in ward ${wardCode}`);
  return { shiftId: Number(row.shift_id), sessionId: Number(row.session_id) };
}

/**
 * A session of its own for a test that counts queue numbers: a new site in the ward, published,
 * today (Viet Nam) with one shift that is open now, so no other test books or calls in it.
 */
export async function freshShift(wardCode = '19786'): Promise<{ shiftId: number; sessionId: number }> {
  const [row] = await sql<{ shift_id: string; session_id: string }>(
    `with site as (
       insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
       select w.id, 'commune_hall', 'Điểm thử ' || substr(md5(random()::text), 1, 6), 'Số 1 đường Thử', 16.46, 107.59
       from public.admin_units w where w.unit_set = '2021' and w.code = $1
       returning id),
     session as (
       insert into public.intake_sessions (campaign_id, site_id, session_date, published)
       select c.id, site.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, true
       from site, public.campaigns c where c.slug = 'thua-thien-hue-2021'
       returning id)
     insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select id, now() - interval '1 hour', now() + interval '4 hours', 50 from session
     returning id as shift_id, session_id`,
    [wardCode],
  );
  return { shiftId: Number(row!.shift_id), sessionId: Number(row!.session_id) };
}

/** The 2025 campaign the citizen specs search and book in, made once per run. */
export const testCampaign2025 = {
  slug: 'e2e-thanh-pho-hue-2025',
  /** Phường Thuận Hoá's own point (../shared/data/vn-admin-units-2025.json), inside its shape. */
  thuanHoa: { code: '19789', latitude: 16.45558, longitude: 107.58377 },
} as const;

/**
 * A demonstration campaign on the 2025 units of Thành phố Huế (46) with published sessions, from tomorrow for a
 * week, at a site in Phường Thuận Hoá, one in Phường Phú Xuân and one in Xã Phú Vang, each with
 * the three shifts of the day. The specs do not depend on the demo seed's 2025 campaign. Made
 * once: parallel workers wait on an advisory lock and find it there.
 */
export async function ensureTestCampaign2025(): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(13005)');
    const { rows } = await client.query('select 1 from public.campaigns where slug = $1', [testCampaign2025.slug]);
    if (rows.length === 0) {
      await client.query(
        `with province as (select id from public.admin_units where unit_set = '2025' and level = 1 and code = '46'),
         campaign as (
           insert into public.campaigns (slug, province_id, unit_set, demonstration, name_vi, name_en, quota, starts_on, deadline, source)
           select $1, province.id, '2025', true, 'Chiến dịch thử thành phố Huế 2025', 'Test campaign, Hue City 2025', 100000,
                  (now() at time zone 'Asia/Ho_Chi_Minh')::date - 10, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 60, 'Chiến dịch của các bài kiểm thử e2e'
           from province returning id),
         site as (
           insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
           select w.id, v.kind, v.name, v.address, v.lat, v.lng
           from (values
             ('19789', 'police_station', 'Công an phường Thuận Hoá (thử)', 'Số 1 Hà Nội', 16.4561, 107.5842),
             ('19753', 'commune_hall', 'Nhà văn hoá phường Phú Xuân (thử)', 'Số 2 Đinh Tiên Hoàng', 16.4785, 107.5772),
             ('19942', 'commune_hall', 'Trụ sở xã Phú Vang (thử)', 'Thôn Thử', 16.4020, 107.7707)
           ) as v (code, kind, name, address, lat, lng)
           join public.admin_units w on w.unit_set = '2025' and w.code = v.code
           returning id),
         session as (
           insert into public.intake_sessions (campaign_id, site_id, session_date, published)
           select campaign.id, site.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date + day, true
           from campaign, site, generate_series(1, 7) as day
           returning id, session_date)
         insert into public.shifts (session_id, starts_at, ends_at, capacity)
         select session.id, (session.session_date + v.starts) at time zone 'Asia/Ho_Chi_Minh',
                (session.session_date + v.ends) at time zone 'Asia/Ho_Chi_Minh', 30
         from session, (values (time '07:30', time '11:30'), (time '13:30', time '17:00'), (time '17:30', time '20:30')) as v (starts, ends)`,
        [testCampaign2025.slug],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
