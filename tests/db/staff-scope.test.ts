// What each staff role may read and change, by unit: an officer of one unit can neither read nor
// change another unit's sites, sessions, shifts, bookings, counts or requests, and a citizen
// reaches no staff function. Staff change those tables only through the staff_* functions.
// Every staff change is in the audit log.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import { createdSessionSchema } from '../../src/domain/staff-writes.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { asView, refusal } from './support/booking-view.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { officer, signedInUser } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, idempotencyKey, person, placeIn, sql, type Place } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

let hue: { id: number };
let phuHoiPlace: Place;
let phuHoiWardId: number;
let phuHoi: Awaited<ReturnType<typeof createSession>>;
let phuVang: Awaited<ReturnType<typeof createSession>>;
let bookedCode: string;
const officers = {} as Record<'province' | 'district' | 'commune' | 'elsewhere' | 'citizen', Client>;

beforeAll(async () => {
  hue = await createCampaign('46');
  // Phú Hội ward (19786) in Thành phố Huế (474); a ward of Phú Vang (478), another district.
  phuHoiPlace = { ...(await placeIn('474')), wardCode: '19786' };
  const [ward] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19786'");
  phuHoiWardId = ward!.id;
  phuHoi = await createSession({ campaignId: hue.id, place: phuHoiPlace, published: false });
  phuVang = await createSession({ campaignId: hue.id, place: await placeIn('478') });
  await sql('update public.intake_sessions set published = true where id = $1', [phuHoi.sessionId]);
  const { data } = await anonFrom('127.0.7.1').rpc('book_places', bookArgs(phuHoi.shiftIds[0]!, [person()]));
  bookedCode = asView(data).bookings[0]!.code;
  officers.province = await officer('province_admin', '46');
  officers.district = await officer('district_officer', '474');
  officers.commune = await officer('commune_officer', '19786');
  officers.elsewhere = await officer('district_officer', '058'); // Bắc Kạn
  officers.citizen = (await signedInUser()).client;
});

const insideOf = { province: true, district: true, commune: true, elsewhere: false, citizen: false } as const;
type Who = keyof typeof insideOf;

/** What a staff function answers each role: done inside the scope, not_found outside, not_allowed for a citizen. */
const expected = (who: Who) => (insideOf[who] ? 'ok' : who === 'citizen' ? 'not_allowed' : 'not_found');
const outcome = (answer: { error: { code: string; details: string | null } | null }) => (answer.error === null ? 'ok' : refusal(answer.error)?.code);

describe.each(Object.keys(insideOf) as Who[])('as %s', (who) => {
  const inside = insideOf[who];
  // One date, day and name per role, as sessions and counts are one per site or unit and day.
  const index = Object.keys(insideOf).indexOf(who);

  test(`${inside ? 'reads' : 'does not read'} the bookings, with names, of a Phú Hội session`, async () => {
    const { data, error } = await officers[who].from('bookings').select('code, full_name').eq('code', bookedCode);
    expect(error).toBeNull();
    expect(data).toHaveLength(inside ? 1 : 0);
  });

  test(`${inside ? 'changes' : 'cannot change'} the capacity of a Phú Hội shift`, async () => {
    expect(outcome(await officers[who].rpc('staff_set_shift_capacity', { p_shift_id: phuHoi.shiftIds[1]!, p_capacity: 77 }))).toBe(expected(who));
    const [row] = await sql<{ capacity: number }>('select capacity from public.shifts where id = $1', [phuHoi.shiftIds[1]]);
    expect(row!.capacity === 77).toBe(inside);
    await sql('update public.shifts set capacity = 50 where id = $1', [phuHoi.shiftIds[1]]);
  });

  test(`${inside ? 'creates' : 'cannot create'} a session at a new site in Phú Hội`, async () => {
    const name = `Nhà văn hóa thử ${randomBytes(3).toString('hex')}`;
    const answer = await officers[who].rpc('staff_create_session', {
      p_campaign_id: hue.id,
      p_date: `2027-03-1${index}`,
      p_shifts: defaultShifts(),
      p_new_site: { ward_id: phuHoiWardId, kind: 'commune_hall', name, address: 'Số 2 Lê Lợi', lat: 16.46, lng: 107.59, access_notes: null },
    });
    expect(outcome(answer)).toBe(expected(who));
    expect((await sql('select 1 from public.intake_sites where name = $1', [name])).length).toBe(inside ? 1 : 0);
  });

  test(`${inside ? 'creates and publishes' : 'cannot create'} a session at a Phú Hội site`, async () => {
    const day = `2027-02-1${index}`;
    const created = await officers[who].rpc('staff_create_session', { p_campaign_id: hue.id, p_date: day, p_shifts: defaultShifts(), p_site_id: phuHoi.siteId });
    expect(outcome(created)).toBe(expected(who));
    // Publishing another unit's session is refused just the same.
    const published = await officers[who].rpc('staff_set_session_published', { p_session_id: created.error ? phuHoi.sessionId : createdSessionSchema.parse(created.data).session_id, p_published: true });
    expect(outcome(published)).toBe(expected(who));
    const rows = await sql<{ published: boolean; shifts: number }>(
      'select published, (select count(*)::int from public.shifts where session_id = s.id) as shifts from public.intake_sessions s where site_id = $1 and session_date = $2',
      [phuHoi.siteId, day],
    );
    expect(rows).toEqual(inside ? [{ published: true, shifts: 3 }] : []);
  });

  test(`${inside ? 'corrects' : 'cannot correct'} a Phú Hội site`, async () => {
    const site = await createSession({ campaignId: hue.id, place: phuHoiPlace, published: false });
    const name = `Điểm sửa ${randomBytes(3).toString('hex')}`;
    const answer = await officers[who].rpc('staff_update_site', {
      p_site_id: site.siteId,
      p_site: { ward_id: phuHoiWardId, kind: 'school', name, address: 'Số 3 Lê Lợi', lat: 16.47, lng: 107.6, access_notes: 'Cổng phụ' },
    });
    expect(outcome(answer)).toBe(expected(who));
    expect((await sql('select 1 from public.intake_sites where id = $1 and name = $2', [site.siteId, name])).length).toBe(inside ? 1 : 0);
  });

  test(`${inside ? 'records' : 'cannot record'} the daily count of Phú Hội`, async () => {
    const day = `2026-01-1${index}`;
    const answer = await officers[who].rpc('staff_record_daily_count', { p_campaign_id: hue.id, p_unit_id: phuHoiWardId, p_day: day, p_applications: 120, p_walk_ins: 30 });
    expect(outcome(answer)).toBe(expected(who));
    expect((await sql('select 1 from public.daily_intake_counts where unit_id = $1 and day = $2', [phuHoiWardId, day])).length).toBe(inside ? 1 : 0);
  });

  test(`${inside ? 'marks' : 'cannot mark'} an organisation request of Phú Hội handled`, async () => {
    const [request] = await sql<{ id: string }>(
      `insert into public.organisation_requests (kind, name, ward_id, address, expected_people, contact_name, contact_phone, preferred_from, preferred_to, campaign_id)
       values ('school', 'Trường THCS thử', $1, '5 Lê Lợi', 200, 'Cô Lan', '0905123456', current_date + 10, current_date + 20, $2) returning id`,
      [phuHoiWardId, hue.id],
    );
    expect(outcome(await officers[who].rpc('staff_mark_organisation_request_handled', { p_request_id: Number(request!.id) }))).toBe(expected(who));
    expect(await sql('select status from public.organisation_requests where id = $1', [request!.id])).toEqual([{ status: inside ? 'handled' : 'new' }]);
  });

  test(`${inside ? 'adds' : 'cannot add'} a walk-in to a Phú Hội shift`, async () => {
    const added = await officers[who].rpc('staff_add_walk_in', { p_shift_id: phuHoi.shiftIds[2]!, p_request_key: idempotencyKey() });
    if (added.error === null) expect(answer(answerSchemas.staff_add_walk_in, added).kind).toBe('walk_in');
    expect(outcome(added)).toBe(expected(who));
  });

  test('cannot write the sites, sessions, shifts, counts or organisation requests directly', async () => {
    const client = officers[who];
    const refusals = [
      await client.from('intake_sites').insert({ ward_id: phuHoiWardId, kind: 'commune_hall', name: 'Nhà văn hóa trực tiếp', address: 'Số 2 Lê Lợi', lat: 16.46, lng: 107.59 }),
      await client.from('intake_sites').update({ name: 'Đổi tên trực tiếp' }).eq('id', phuHoi.siteId),
      await client.from('intake_sessions').insert({ campaign_id: hue.id, site_id: phuHoi.siteId, session_date: '2027-04-01' }),
      await client.from('intake_sessions').update({ published: false }).eq('id', phuHoi.sessionId),
      await client.from('shifts').insert({ session_id: phuHoi.sessionId, starts_at: '2027-04-01T00:00:00Z', ends_at: '2027-04-01T01:00:00Z', capacity: 5 }),
      await client.from('shifts').update({ capacity: 77 }).eq('id', phuHoi.shiftIds[1]!),
      await client.from('shifts').delete().eq('id', phuHoi.shiftIds[2]!),
      await client.from('daily_intake_counts').insert({ campaign_id: hue.id, unit_id: phuHoiWardId, day: '2026-02-01', applications: 1 }),
      await client.from('daily_intake_counts').update({ applications: 1 }).eq('unit_id', phuHoiWardId),
      await client.from('organisation_requests').update({ status: 'handled' }).eq('ward_id', phuHoiWardId),
    ];
    expect(refusals.map((answer) => answer.error?.code)).toEqual(refusals.map(() => '42501'));
  });
});

test('an anonymous caller cannot run the staff write functions at all', async () => {
  const anon = anonFrom('127.0.7.4');
  const answers = [
    await anon.rpc('staff_create_session', { p_campaign_id: hue.id, p_date: '2027-05-01', p_shifts: defaultShifts(), p_site_id: phuHoi.siteId }),
    await anon.rpc('staff_update_site', { p_site_id: phuHoi.siteId, p_site: {} }),
    await anon.rpc('staff_set_session_published', { p_session_id: phuHoi.sessionId, p_published: false }),
    await anon.rpc('staff_set_shift_capacity', { p_shift_id: phuHoi.shiftIds[1]!, p_capacity: 77 }),
    await anon.rpc('staff_record_daily_count', { p_campaign_id: hue.id, p_unit_id: phuHoiWardId, p_day: '2026-02-01', p_applications: 1, p_walk_ins: 0 }),
    await anon.rpc('staff_mark_organisation_request_handled', { p_request_id: 1 }),
  ];
  expect(answers.map((answer) => answer.error?.code)).toEqual(answers.map(() => '42501'));
});

test('the commune officer does not reach the sessions of another district of the province', async () => {
  const { data } = await officers.commune.from('bookings').select('code').eq('shift_id', phuVang.shiftIds[0]!);
  expect(data).toEqual([]);
  const { error } = await officers.commune.rpc('staff_call_next', { p_shift_id: phuVang.shiftIds[0]!, p_now_serving: 0 });
  expect(refusal(error)?.code).toBe('not_found');
  expect(outcome(await officers.commune.rpc('staff_set_session_published', { p_session_id: phuVang.sessionId, p_published: false }))).toBe('not_found');
  expect(await sql('select published from public.intake_sessions where id = $1', [phuVang.sessionId])).toEqual([{ published: true }]);
});

test('nobody signed in as staff can change booked counts or queue numbers directly', async () => {
  const { error } = await officers.province.from('shifts').update({ booked: 0, last_queue_no: 0, now_serving: 9 } as never).eq('id', phuHoi.shiftIds[0]!);
  expect(error?.code).toBe('42501');
});

test('the day of intake: check in by code, call next, the public board shows it, mark served; all audited', async () => {
  const shiftId = phuHoi.shiftIds[0]!;
  const checkIn = await officers.commune.rpc('staff_check_in', { p_code: `${bookedCode.slice(0, 4)}-${bookedCode.slice(4)}`.toLowerCase() });
  expect(answer(answerSchemas.staff_check_in, checkIn)).toMatchObject({ code: bookedCode, status: 'checked_in' });
  // Sent again (the answer was lost): the same person, checked in.
  expect(answer(answerSchemas.staff_check_in, await officers.commune.rpc('staff_check_in', { p_code: bookedCode }))).toEqual(answer(answerSchemas.staff_check_in, checkIn));

  const called = await officers.commune.rpc('staff_call_next', { p_shift_id: shiftId, p_now_serving: 0 });
  expect(answer(answerSchemas.staff_call_next, called)).toMatchObject({ code: bookedCode, queue_no: 1 });
  const board = answer(answerSchemas.now_serving_board, await anonFrom('127.0.7.2').rpc('now_serving_board', { p_session_id: phuHoi.sessionId }));
  expect(board?.shifts.find((s) => s.id === shiftId)?.now_serving).toBe(1);
  expect(refusal((await officers.commune.rpc('staff_call_next', { p_shift_id: shiftId, p_now_serving: 1 })).error)?.code).toBe('queue_empty');

  const served = await officers.commune.rpc('staff_mark', { p_shift_id: shiftId, p_queue_no: 1, p_status: 'served' });
  expect(answer(answerSchemas.staff_mark, served)).toMatchObject({ status: 'served' });

  const { data: log } = await officers.district.from('audit_log').select('action, table_name, before, after').eq('table_name', 'bookings').order('id');
  const statuses = (log ?? []).filter((entry) => (entry.after as { code?: string })?.code === bookedCode).map((entry) => [
    (entry.before as { status: string }).status,
    (entry.after as { status: string }).status,
  ]);
  // The call is an update too: its called_at is set, the status stays.
  expect(statuses).toEqual([['confirmed', 'checked_in'], ['checked_in', 'checked_in'], ['checked_in', 'served']]);
  // An officer of Bắc Kạn reads none of it.
  const { data: foreign } = await officers.elsewhere.from('audit_log').select('id').eq('table_name', 'bookings');
  expect(foreign).toEqual([]);
});

test('a cancelled session shows on the citizen\'s booking page, with alternatives to move to', async () => {
  const session = await createSession({ campaignId: hue.id, place: { ...(await placeIn('474')), wardCode: '19786' }, inDays: 5 });
  const citizen = anonFrom('127.0.7.3');
  const { data } = await citizen.rpc('book_places', bookArgs(session.shiftIds[0]!, [person()]));
  const booking = asView(data);
  const cancelled = await officers.district.rpc('staff_cancel_session', { p_session_id: session.sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 1 });
  expect(answer(answerSchemas.staff_cancel_session, cancelled)).toEqual({ ok: true, session_id: session.sessionId });
  const lookup = await citizen.rpc('lookup_booking', { p_code: booking.bookings[0]!.code, p_token: booking.token! });
  expect(asView(lookup.data).bookings[0]!.session).toMatchObject({ cancel_reason: 'Mất điện cả phường' });
  const { data: alternatives } = await citizen.rpc('nearest_alternatives', { p_shift_id: session.shiftIds[0]! });
  expect((alternatives ?? []).length).toBeGreaterThan(0);
});

test('an officer moves a session nobody booked to another date, shifts and all; a booked one only with the number booked confirmed', async () => {
  const fresh = await createSession({ campaignId: hue.id, place: { ...(await placeIn('474')), wardCode: '19786' }, inDays: 30, published: false });
  const [before] = await sql<{ starts_at: Date }>('select starts_at from public.shifts where id = $1', [fresh.shiftIds[0]]);
  const [target] = await sql<{ day: string }>(`select to_char((now() at time zone 'Asia/Ho_Chi_Minh')::date + 33, 'YYYY-MM-DD') as day`);
  expect(refusal((await officers.elsewhere.rpc('staff_move_session', { p_session_id: fresh.sessionId, p_date: target!.day })).error)?.code).toBe('not_found');
  expect(refusal((await officers.citizen.rpc('staff_move_session', { p_session_id: fresh.sessionId, p_date: target!.day })).error)?.code).toBe('not_allowed');
  const moved = await officers.commune.rpc('staff_move_session', { p_session_id: fresh.sessionId, p_date: target!.day });
  expect(answer(answerSchemas.staff_move_session, moved)).toEqual({ ok: true, session_id: fresh.sessionId, date: target!.day });
  const [after] = await sql<{ starts_at: Date; session_date: string }>(
    `select s.starts_at, to_char(sess.session_date, 'YYYY-MM-DD') as session_date from public.shifts s join public.intake_sessions sess on sess.id = s.session_id where s.id = $1`,
    [fresh.shiftIds[0]],
  );
  expect(after!.session_date).toBe(target!.day);
  expect(after!.starts_at.getTime() - before!.starts_at.getTime()).toBe(3 * 86_400_000);
  // Directly in the table the date cannot change, so shifts never drift from their session.
  await officers.commune.from('intake_sessions').update({ session_date: '2030-01-01' } as never).eq('id', fresh.sessionId);
  expect((await sql(`select 1 from public.intake_sessions where id = $1 and session_date = '2030-01-01'`, [fresh.sessionId])).length).toBe(0);

  expect(refusal((await officers.commune.rpc('staff_move_session', { p_session_id: phuHoi.sessionId, p_date: target!.day })).error)?.code).toBe('session_has_bookings');
});
