// SQL on the e2e run's own database, to find demo data and to set up what a page cannot (a full
// shift). Never the dev database: the port comes from the run's slot.
import pg from 'pg';
import { e2eStackBasePort } from './ports.ts';

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${e2eStackBasePort + 1}/postgres` });
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
