// Data a db test makes for itself: its own campaign, sites, sessions and shifts, so tests never
// depend on the demo seed or on each other. Written with SQL as postgres, as staff tools would.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Database } from '../../../src/lib/database.types.ts';
import { consentInForce, idempotencyKey, phone, type PersonInput } from '../../support/people.ts';
import { stack } from './clients.ts';

export { consentInForce, idempotencyKey, person, phone, type PersonInput } from '../../support/people.ts';

const pool = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Counts `calls` calls of `action` by `subject` against the rule of `scope` (private.take_rate), each
 * in its own transaction, as the API's calls are counted.
 */
export async function countCalls(action: string, scope: string, subject: string, calls: number): Promise<void> {
  await sql(`do $$ begin
    for i in 1..${Math.trunc(calls)} loop perform private.take_rate(${literal(action)}, ${literal(scope)}, ${literal(subject)}); commit; end loop;
  end $$`);
}

/**
 * An anon client whose requests leave from `ip` (any 127.x.y.z works on loopback), so each test
 * is its own client for the per-IP rate limits, as separate phones on the network would be.
 * `headersPerCall` adds headers made anew for each request (a client forging X-Forwarded-For).
 */
export function anonFrom(ip: string, headersPerCall?: () => Record<string, string>): SupabaseClient<Database> {
  const dispatcher = new Agent({ localAddress: ip });
  const send = (input: string, init?: { headers?: HeadersInit }) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headersPerCall?.() ?? {})) headers.set(name, value);
    return undiciFetch(input, { ...init, headers: Object.fromEntries(headers), dispatcher });
  };
  return createClient<Database>(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { fetch: send as unknown as typeof fetch },
  });
}

export interface ShiftSpec {
  /** Local time in Viet Nam, "07:00". */
  start: string;
  end: string;
  capacity: number;
}

export const campaignShifts: ShiftSpec[] = [
  { start: '07:00', end: '12:00', capacity: 50 },
  { start: '12:00', end: '17:00', capacity: 50 },
  { start: '17:00', end: '22:00', capacity: 30 },
];

/** A campaign of the province with that code in the unit set (the 2021 set unless said). */
export async function createCampaign(provinceCode = '46', unitSet = '2021'): Promise<{ id: number; slug: string }> {
  const slug = `test-${randomBytes(6).toString('hex')}`;
  const [row] = await sql<{ id: number }>(
    `insert into public.campaigns (slug, province_id, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
     select $1, id, 'Chiến dịch thử', 'Test campaign', 100000, 1000,
            (now() at time zone 'Asia/Ho_Chi_Minh')::date - 30, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 30, 'test fixture'
     from public.admin_units where unit_set = $3 and code = $2
     returning id`,
    [slug, provinceCode, unitSet],
  );
  return { id: row!.id, slug };
}

export interface Place {
  wardCode: string;
  /** Empty in the 2025 set, which has no districts. */
  districtCode: string;
  lat: number;
  lng: number;
  /** The set of wardCode; the 2021 set unless said. */
  unitSet?: string;
}

const eastwards = (lat: number, lng: number, km: number) => lng + km / (111.32 * Math.cos((lat * Math.PI) / 180));

/** A ward of the district and a point offset from the district's centroid by `km` eastwards. */
export async function placeIn(districtCode: string, km = 0, wardIndex = 0): Promise<Place> {
  const [row] = await sql<{ ward_code: string; lat: number; lng: number }>(
    `select w.code as ward_code, d.lat, d.lng
     from public.admin_units d join public.admin_units w on w.parent_id = d.id
     where d.unit_set = '2021' and d.code = $1 order by w.code offset $2 limit 1`,
    [districtCode, wardIndex],
  );
  return { wardCode: row!.ward_code, districtCode, lat: row!.lat, lng: eastwards(row!.lat, row!.lng, km) };
}

/** A 2025 commune and a point offset from the commune's own point by `km` eastwards. */
export async function placeInCommune(communeCode: string, km = 0): Promise<Place> {
  const [row] = await sql<{ lat: number; lng: number }>(
    `select lat, lng from public.admin_units where unit_set = '2025' and level = 3 and code = $1`,
    [communeCode],
  );
  return { wardCode: communeCode, districtCode: '', lat: row!.lat, lng: eastwards(row!.lat, row!.lng, km), unitSet: '2025' };
}

export interface SessionSpec {
  campaignId: number;
  place: Place;
  /** Days from today (Viet Nam). */
  inDays?: number;
  published?: boolean;
  shifts?: ShiftSpec[];
  kind?: string;
  name?: string;
}

export async function createSession(spec: SessionSpec): Promise<{ sessionId: number; siteId: number; shiftIds: number[] }> {
  const [site] = await sql<{ id: number }>(
    `insert into public.intake_sites (ward_id, kind, name, address, lat, lng, access_notes)
     select id, $2, $3, 'Số 1 đường Thử', $4, $5, 'Lối vào có dốc cho xe lăn'
     from public.admin_units where unit_set = $6 and code = $1 returning id`,
    [spec.place.wardCode, spec.kind ?? 'commune_hall', spec.name ?? `Điểm thử ${randomBytes(3).toString('hex')}`, spec.place.lat, spec.place.lng, spec.place.unitSet ?? '2021'],
  );
  const [session] = await sql<{ id: number; session_date: string }>(
    `insert into public.intake_sessions (campaign_id, site_id, session_date, published)
     values ($1, $2, (now() at time zone 'Asia/Ho_Chi_Minh')::date + $3::integer, $4) returning id`,
    [spec.campaignId, site!.id, spec.inDays ?? 3, spec.published ?? true],
  );
  const shiftIds: number[] = [];
  for (const shift of spec.shifts ?? campaignShifts) {
    const [row] = await sql<{ id: number }>(
      `insert into public.shifts (session_id, starts_at, ends_at, capacity)
       select s.id, (s.session_date + $2::time) at time zone 'Asia/Ho_Chi_Minh',
              (s.session_date + $3::time) at time zone 'Asia/Ho_Chi_Minh', $4
       from public.intake_sessions s where s.id = $1 returning id`,
      [session!.id, shift.start, shift.end, shift.capacity],
    );
    shiftIds.push(Number(row!.id));
  }
  return { sessionId: Number(session!.id), siteId: Number(site!.id), shiftIds };
}

export function bookArgs(shiftId: number, people: PersonInput[], overrides: Record<string, unknown> = {}) {
  return { p_shift_id: shiftId, p_people: people as unknown as Database['public']['Functions']['book_places']['Args']['p_people'], p_phone: phone(), p_consent: consentInForce, p_idempotency_key: idempotencyKey(), ...overrides };
}

export async function shiftCounts(shiftId: number): Promise<{ booked: number; last_queue_no: number }> {
  const [row] = await sql<{ booked: number; last_queue_no: number }>('select booked, last_queue_no from public.shifts where id = $1', [shiftId]);
  return row!;
}
