// What the booking benchmark books into and with: a campaign with sessions and shifts made with
// SQL as postgres (the same shapes as tests/db/support/fixtures.ts, set-based for 200 sessions),
// the people of tests/support/people.ts, and the consistency check run afterwards.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { consentInForce, idempotencyKey, person, phone, type PersonInput } from '../../tests/support/people.ts';

export interface ShiftSpec {
  /** Local time in Viet Nam, "07:00". */
  starts: string;
  ends: string;
  capacity: number;
}

/** A fresh campaign with `sessions` published sessions in 3 days, each at its own new site in its own ward. */
export async function createShifts(db: pg.Pool, sessions: number, shifts: ShiftSpec[]): Promise<number[]> {
  const tag = randomBytes(4).toString('hex');
  const { rows } = await db.query<{ id: string }>(
    `with campaign as (
       insert into public.campaigns (slug, province_id, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
       select 'bench-' || $1, id, 'Chiến dịch đo tải', 'Benchmark campaign', 1000000, 10000,
              (now() at time zone 'Asia/Ho_Chi_Minh')::date - 30, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 30, 'benchmark'
       from public.admin_units where unit_set = '2021' and code = '46'
       returning id),
     wards as (
       select w.id, d.lat, d.lng, row_number() over (order by w.code) - 1 as n, count(*) over () as wards
       from public.admin_units p
       join public.admin_units d on d.parent_id = p.id
       join public.admin_units w on w.parent_id = d.id
       where p.unit_set = '2021' and p.code = '46' and d.lat is not null),
     sites as (
       -- A session's site lies in the campaign's province (a database rule): more sessions than
       -- wards take the wards in turn.
       insert into public.intake_sites (ward_id, kind, name, address, lat, lng, access_notes)
       select w.id, 'commune_hall', 'Điểm đo ' || $1 || ' ' || i, 'Số 1 đường Thử', w.lat, w.lng, null
       from generate_series(0, $2 - 1) as i join wards w on w.n = i % w.wards
       returning id),
     sessions as (
       insert into public.intake_sessions (campaign_id, site_id, session_date, published)
       select campaign.id, sites.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 3, true from campaign, sites
       returning id, session_date)
     insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select s.id, (s.session_date + t.starts::time) at time zone 'Asia/Ho_Chi_Minh',
            (s.session_date + t.ends::time) at time zone 'Asia/Ho_Chi_Minh', t.capacity
     from sessions s cross join jsonb_to_recordset($3::jsonb) as t (starts text, ends text, capacity integer)
     returning id`,
    [tag, sessions, JSON.stringify(shifts)],
  );
  if (rows.length !== sessions * shifts.length) throw new Error(`made ${rows.length} shifts, wanted ${sessions * shifts.length}`);
  return rows.map((row) => Number(row.id));
}

export interface Consistency {
  /** Shifts with booked > capacity, booked <> active bookings, or a queue number handed out twice. */
  overbooked: number;
  /** Sum of booked over the shifts. */
  booked: number;
}

export async function checkShifts(db: pg.Pool, shiftIds: number[]): Promise<Consistency> {
  const { rows } = await db.query<Consistency>(
    `select count(*) filter (where s.booked > s.capacity or s.booked <> b.active or b.duplicate_queue_nos)::integer as overbooked,
            coalesce(sum(s.booked), 0)::integer as booked
     from public.shifts s
     cross join lateral (
       select count(*) filter (where status in ('confirmed', 'checked_in')) as active,
              count(*) <> count(distinct queue_no) as duplicate_queue_nos
       from public.bookings where shift_id = s.id) b
     where s.id = any($1::bigint[])`,
    [shiftIds],
  );
  return rows[0]!;
}

export interface BookArgs {
  p_shift_id: number;
  p_people: PersonInput[];
  p_phone: string;
  p_consent: string;
  p_idempotency_key: string;
}

export function bookOnePerson(shiftId: number): BookArgs {
  return { p_shift_id: shiftId, p_people: [person()], p_phone: phone(), p_consent: consentInForce, p_idempotency_key: idempotencyKey() };
}
