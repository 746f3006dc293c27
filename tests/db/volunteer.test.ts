// Volunteers (youth union, students): a site-bound role of the role set, working at one intake site
// or one session. They check people in, hand out walk-in numbers and call numbers there and nowhere
// else, and see queue numbers and names only: no table's policy and no function gives them a phone,
// a birth date, an ID number or an address.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { upsertStaffAccount, type StaffAccount } from '../../scripts/lib/staff-accounts.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { asView, refusal } from './support/booking-view.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { anonClient, officer, serviceClient, signedInUser } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeIn, sql, type Place } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

let place: Place;
/** Two sessions at one Phú Hội site, and a session at another site of the same ward. */
let here: Awaited<ReturnType<typeof createSession>>;
let laterHere: { sessionId: number; shiftId: number };
let otherSite: Awaited<ReturnType<typeof createSession>>;
const codes = { here: [] as string[], laterHere: '', otherSite: '' };
let siteVolunteer: Client;
let sessionVolunteer: Client;
let commune: Client;

async function book(shiftId: number, count: number, ip: string): Promise<string[]> {
  const people = Array.from({ length: count }, () => person());
  const { data, error } = await anonFrom(ip).rpc('book_places', bookArgs(shiftId, people));
  expect(error).toBeNull();
  return asView(data).bookings.map((booking) => booking.code);
}

/** A volunteer account over the Phú Hội ward at a site (by id) or its session of a day, signed in. */
async function volunteer(at: Pick<StaffAccount, 'site' | 'date'>): Promise<Client> {
  const email = `volunteer-${randomUUID()}@example.test`;
  await upsertStaffAccount(serviceClient(), { email, password: 'volunteer-password-1', role: 'volunteer', unit: '19786', displayName: 'Đoàn viên thử', ...at });
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password: 'volunteer-password-1' });
  if (error) throw error;
  return client;
}

const outcome = (result: { error: { code: string; details: string | null } | null }) => (result.error === null ? 'ok' : refusal(result.error)?.code);

beforeAll(async () => {
  const hue = await createCampaign('46');
  place = { ...(await placeIn('474')), wardCode: '19786' };
  here = await createSession({ campaignId: hue.id, place, inDays: 1 });
  const [later] = await sql<{ id: string; session_date: string }>(
    `insert into public.intake_sessions (campaign_id, site_id, session_date, published)
     values ($1, $2, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 5, true) returning id`,
    [hue.id, here.siteId],
  );
  const [laterShift] = await sql<{ id: string }>(
    `insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select id, session_date + time '07:00', session_date + time '12:00', 50 from public.intake_sessions where id = $1 returning id`,
    [later!.id],
  );
  laterHere = { sessionId: Number(later!.id), shiftId: Number(laterShift!.id) };
  otherSite = await createSession({ campaignId: hue.id, place, inDays: 1 });
  codes.here = await book(here.shiftIds[0]!, 3, '127.0.15.1');
  codes.laterHere = (await book(laterHere.shiftId, 1, '127.0.15.2'))[0]!;
  codes.otherSite = (await book(otherSite.shiftIds[0]!, 1, '127.0.15.3'))[0]!;
  siteVolunteer = await volunteer({ site: String(here.siteId) });
  const [{ session_date } = { session_date: '' }] = await sql<{ session_date: string }>(
    "select to_char(session_date, 'YYYY-MM-DD') as session_date from public.intake_sessions where id = $1",
    [here.sessionId],
  );
  sessionVolunteer = await volunteer({ site: String(here.siteId), date: session_date });
  commune = await officer('commune_officer', '19786');
});

describe('the day of intake where the volunteer works', () => {
  test('a volunteer checks a person in and is answered the number and name, without the birth date', async () => {
    const entry = answer(answerSchemas.staff_check_in, await siteVolunteer.rpc('staff_check_in', { p_code: codes.here[0]! }));
    expect(entry).toMatchObject({ kind: 'booking', code: codes.here[0], status: 'checked_in', birth_date: null });
    expect(entry.full_name).toEqual(expect.any(String));
    // The same person as an officer reads them: with the birth date.
    const [row] = await sql<{ full_name: string; birth_date: string }>("select full_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date from public.bookings where code = $1", [codes.here[0]]);
    expect(entry.full_name).toBe(row!.full_name);
    expect(row!.birth_date).not.toBeNull();
  });

  test('a volunteer hands out a walk-in number and calls the next number; the commune officer reads both in the audit log', async () => {
    const walkIn = answer(answerSchemas.staff_add_walk_in, await siteVolunteer.rpc('staff_add_walk_in', { p_shift_id: here.shiftIds[0]!, p_request_key: randomUUID() }));
    expect(walkIn).toMatchObject({ kind: 'walk_in', queue_no: 4, status: 'checked_in' });
    const called = answer(answerSchemas.staff_call_next, await siteVolunteer.rpc('staff_call_next', { p_shift_id: here.shiftIds[0]!, p_now_serving: 0 }));
    expect(called.birth_date).toBeNull();
    const { data: board } = await anonClient().rpc('now_serving_board', { p_session_id: here.sessionId });
    expect(answer(answerSchemas.now_serving_board, { data: board, error: null })!.shifts[0]!.now_serving).toBe(called.queue_no);
    const { data: log } = await commune.from('audit_log').select('table_name, action').eq('row_id', String((await sql<{ id: string }>('select id from public.walk_ins where shift_id = $1', [here.shiftIds[0]]))[0]!.id));
    expect(log).toContainEqual({ table_name: 'walk_ins', action: 'insert' });
  });

  test('a volunteer of the site works at its other sessions too; a volunteer of one session does not', async () => {
    expect(outcome(await siteVolunteer.rpc('staff_check_in', { p_code: codes.laterHere }))).toBe('ok');
    expect(outcome(await sessionVolunteer.rpc('staff_add_walk_in', { p_shift_id: laterHere.shiftId, p_request_key: randomUUID() }))).toBe('not_found');
    expect(outcome(await sessionVolunteer.rpc('staff_add_walk_in', { p_shift_id: here.shiftIds[1]!, p_request_key: randomUUID() }))).toBe('ok');
  });

  test('nothing at another site of the same ward: check in, walk-in number, calling, the roster', async () => {
    for (const client of [siteVolunteer, sessionVolunteer]) {
      expect(outcome(await client.rpc('staff_check_in', { p_code: codes.otherSite }))).toBe('not_found');
      expect(outcome(await client.rpc('staff_add_walk_in', { p_shift_id: otherSite.shiftIds[0]!, p_request_key: randomUUID() }))).toBe('not_found');
      expect(outcome(await client.rpc('staff_call_next', { p_shift_id: otherSite.shiftIds[0]!, p_now_serving: 0 }))).toBe('not_found');
      expect(outcome(await client.rpc('staff_day_queue', { p_session_id: otherSite.sessionId }))).toBe('not_found');
    }
    const [booking] = await sql<{ status: string }>('select status from public.bookings where code = $1', [codes.otherSite]);
    expect(booking!.status).toBe('confirmed');
  });

  test('what is left to officers is refused: served or no-show, the daily count, sessions, links', async () => {
    expect(outcome(await siteVolunteer.rpc('staff_mark', { p_shift_id: here.shiftIds[0]!, p_queue_no: 1, p_status: 'served' }))).toBe('not_found');
    expect(outcome(await siteVolunteer.rpc('staff_cancel_session', { p_session_id: here.sessionId, p_reason: 'Thử hủy buổi' }))).toBe('not_found');
    const [ward] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19786'");
    const [campaign] = await sql<{ campaign_id: number }>('select campaign_id from public.intake_sessions where id = $1', [here.sessionId]);
    expect(
      outcome(await siteVolunteer.rpc('staff_record_daily_count', { p_campaign_id: campaign!.campaign_id, p_unit_id: ward!.id, p_day: '2026-12-01', p_applications: 5, p_walk_ins: 1 })),
    ).toBe('not_found');
    const [session] = await sql<{ cancelled_at: string | null }>('select cancelled_at from public.intake_sessions where id = $1', [here.sessionId]);
    expect(session!.cancelled_at).toBeNull();
  });
});

describe('numbers and names only', () => {
  test('the day roster gives a volunteer numbers, names and codes, never the birth date; an officer the birth date too', async () => {
    const mine = answer(answerSchemas.staff_day_queue, await siteVolunteer.rpc('staff_day_queue', { p_session_id: here.sessionId }));
    const booked = mine.filter((entry) => entry.kind === 'booking');
    expect(booked.map((entry) => entry.code).sort()).toEqual([...codes.here].sort());
    expect(booked.every((entry) => entry.full_name !== null && entry.birth_date === null)).toBe(true);
    expect(mine.filter((entry) => entry.kind === 'walk_in').length).toBeGreaterThan(0);
    const theirs = answer(answerSchemas.staff_day_queue, await commune.rpc('staff_day_queue', { p_session_id: here.sessionId }));
    expect(theirs.filter((entry) => entry.kind === 'booking').every((entry) => entry.birth_date !== null)).toBe(true);
    const citizen = (await signedInUser()).client;
    expect(outcome(await citizen.rpc('staff_day_queue', { p_session_id: here.sessionId }))).toBe('not_allowed');
  });

  test.each(['bookings', 'booking_groups', 'walk_ins', 'home_visit_requests', 'home_visit_events', 'organisation_requests', 'signup_links', 'audit_log', 'outbox_messages'] as const)(
    'the %s table gives a volunteer no row',
    async (table) => {
      const { data } = await siteVolunteer.from(table).select('*').limit(5);
      expect(data ?? []).toEqual([]);
      // The officer of the ward reads the bookings and walk-ins of the same sessions.
      if (table === 'bookings' || table === 'walk_ins') {
        const { data: officerRows } = await commune.from(table).select('shift_id').in('shift_id', here.shiftIds);
        expect(officerRows!.length).toBeGreaterThan(0);
      }
    },
  );

  test('a volunteer reads only their own staff row, with the site they work at; the commune officer reads it too', async () => {
    const { data: own } = await siteVolunteer.from('staff_members').select('role, site_id, session_id');
    expect(own).toEqual([{ role: 'volunteer', site_id: here.siteId, session_id: null }]);
    const { data: seen } = await commune.from('staff_members').select('role').eq('site_id', here.siteId);
    expect(seen).toEqual([{ role: 'volunteer' }]);
  });
});

describe('the role set', () => {
  const account = (extra: Partial<StaffAccount>): StaffAccount => ({
    email: `misfit-${randomUUID()}@example.test`,
    password: 'a-long-password-1',
    role: 'volunteer',
    unit: '19786',
    displayName: 'Sai chỗ',
    ...extra,
  });

  test('a volunteer without a site, a volunteer at a site of another ward and an officer with a site are refused with the reason', async () => {
    await expect(upsertStaffAccount(serviceClient(), account({}))).rejects.toThrow(/a volunteer works at one intake site or one session/);
    await expect(upsertStaffAccount(serviceClient(), account({ unit: '19789', site: String(here.siteId) }))).rejects.toThrow(/no intake site/);
    await expect(upsertStaffAccount(serviceClient(), account({ role: 'commune_officer', site: String(here.siteId) }))).rejects.toThrow(/covers a whole unit/);
  });

  test('the database itself refuses a volunteer row whose site is in another ward, or with both a site and a session', async () => {
    const admin = serviceClient();
    const { data: created } = await admin.auth.admin.createUser({ email: `misfit-${randomUUID()}@example.test`, password: 'a-long-password-1', email_confirm: true });
    const [elsewhere] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19789'");
    const [phuHoi] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19786'");
    const row = { user_id: created.user!.id, role: 'volunteer', display_name: 'Sai chỗ' };
    expect((await admin.from('staff_members').insert({ ...row, unit_id: elsewhere!.id, site_id: here.siteId })).error?.code).toBe('23514');
    expect((await admin.from('staff_members').insert({ ...row, unit_id: phuHoi!.id, site_id: here.siteId, session_id: here.sessionId })).error?.code).toBe('23514');
    expect((await admin.from('staff_members').insert({ ...row, unit_id: phuHoi!.id, session_id: here.sessionId })).error).toBeNull();
  });
});
