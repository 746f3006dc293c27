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
