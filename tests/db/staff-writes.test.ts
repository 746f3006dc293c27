// The staff console's writes, each one function and one transaction: what each saves, what it
// refuses and with which code, that a refusal halfway leaves nothing behind, and the audit trail.
// Who may call them is walked in staff-scope.test.ts.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import {
  cancelledSessionSchema,
  createdSessionSchema,
  dailyCountRecordSchema,
  handledRequestSchema,
  movedSessionSchema,
  publishedSessionSchema,
  shiftCapacitySchema,
  updatedSiteSchema,
} from '../../src/domain/staff-writes.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { refusal } from './support/booking-view.ts';
import { officer } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeIn, sql, type Place } from './support/fixtures.ts';

let campaignId: number;
let wardId: number;
let place: Place;
let commune: SupabaseClient<Database>;
let communeId: string;

beforeAll(async () => {
  campaignId = (await createCampaign('46')).id;
  place = { ...(await placeIn('474')), wardCode: '19786' };
  const [ward] = await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '19786'");
  wardId = ward!.id;
  commune = await officer('commune_officer', '19786');
  communeId = (await commune.auth.getUser()).data.user!.id;
});

const newSite = (name: string) => ({ ward_id: wardId, kind: 'school', name, address: '7 Chi Lăng', lat: 16.469, lng: 107.596, access_notes: '' });
const siteRows = (name: string) => sql('select id from public.intake_sites where name = $1', [name]);
const auditOf = (table: string, rowId: number | string) =>
  sql<{ actor: string; action: string; unit_id: number; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    'select actor::text, action, unit_id, before, after from public.audit_log where table_name = $1 and row_id = $2 order by id',
    [table, String(rowId)],
  );

describe('staff_create_session', () => {
  test('saves a new site, the draft session and its shifts at Huế times in one call, each row audited', async () => {
    const name = `Trường thử ${randomBytes(3).toString('hex')}`;
    const date = addDays(todayInVietnam(), 20);
    const answer = await commune.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: date, p_shifts: defaultShifts(), p_new_site: newSite(name) });
    expect(answer.error).toBeNull();
    const created = createdSessionSchema.parse(answer.data);
    expect(created.shift_ids).toHaveLength(3);

    const [site] = await sql<{ id: string; access_notes: string | null }>('select id, access_notes from public.intake_sites where name = $1', [name]);
    expect(Number(site!.id)).toBe(created.site_id);
    expect(site!.access_notes).toBeNull();
    expect(await sql('select published, to_char(session_date, \'YYYY-MM-DD\') as date from public.intake_sessions where id = $1', [created.session_id])).toEqual([{ published: false, date }]);
    const shifts = await sql<{ id: string; starts_at: Date; ends_at: Date; capacity: number }>('select id, starts_at, ends_at, capacity from public.shifts where session_id = $1 order by starts_at', [created.session_id]);
    expect(shifts.map((s) => Number(s.id))).toEqual(created.shift_ids);
    // 07:00–12:00, 12:00–17:00 and 17:00–22:00 in Huế (UTC+7).
    expect(shifts.map((s) => [s.starts_at.toISOString(), s.ends_at.toISOString(), s.capacity])).toEqual([
      [`${date}T00:00:00.000Z`, `${date}T05:00:00.000Z`, 60],
      [`${date}T05:00:00.000Z`, `${date}T10:00:00.000Z`, 60],
      [`${date}T10:00:00.000Z`, `${date}T15:00:00.000Z`, 60],
    ]);

    const audited = [
      ...(await auditOf('intake_sites', created.site_id)),
      ...(await auditOf('intake_sessions', created.session_id)),
      ...(await Promise.all(created.shift_ids.map((id) => auditOf('shifts', id)))).flat(),
    ];
    expect(audited.map((entry) => [entry.actor, entry.action, entry.unit_id])).toEqual(Array.from({ length: 5 }, () => [communeId, 'insert', wardId]));
  });

  test('a refusal at the last shift leaves no site, session or shift behind', async () => {
    const name = `Trường nửa chừng ${randomBytes(3).toString('hex')}`;
    const date = addDays(todayInVietnam(), 21);
    const overlapping = [...defaultShifts().slice(0, 2), { start: '16:00', end: '20:00', capacity: 60 }];
    const answer = await commune.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: date, p_shifts: overlapping, p_new_site: newSite(name) });
    expect(answer.status).toBe(400);
    expect(refusal(answer.error)).toEqual({ code: 'invalid_argument', details: { field: 'shifts', shift: 2 } });
    expect(await siteRows(name)).toEqual([]);
    // Not one shift of the first two, nor the session, was kept.
    expect(await sql('select 1 from public.intake_sessions s join public.intake_sites site on site.id = s.site_id where site.name = $1', [name])).toEqual([]);
    expect(await sql("select 1 from public.audit_log where table_name = 'intake_sites' and after ->> 'name' = $1", [name])).toEqual([]);

    for (const [shifts, index] of [
      [[{ start: '07:00', end: '24:00', capacity: 60 }], 0],
      [[{ start: '07:00', end: '12:00', capacity: 60 }, { start: '13:00', end: '12:30', capacity: 60 }], 1],
      [[{ start: '07:00', end: '12:00', capacity: 0 }], 0],
      [[{ start: '07:00', end: '12:00', capacity: 5001 }], 0],
      [[{ start: '07:00', end: '12:00', capacity: '60' }], 0],
    ] as const) {
      const bad = await commune.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: date, p_shifts: shifts as never, p_new_site: newSite(name) });
      expect(refusal(bad.error)).toEqual({ code: 'invalid_argument', details: { field: 'shifts', shift: index } });
    }
    expect(refusal((await commune.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: date, p_shifts: [], p_new_site: newSite(name) })).error)).toEqual({ code: 'invalid_argument', details: { field: 'shifts' } });
    expect(await siteRows(name)).toEqual([]);
  });

  test('a date the site already has is session_exists (409), and the new site of that call is not kept either', async () => {
    const existing = await createSession({ campaignId, place, inDays: 22, published: false });
    const date = addDays(todayInVietnam(), 22);
    const again = await commune.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: date, p_shifts: defaultShifts(), p_site_id: existing.siteId });
    expect(again.status).toBe(409);
    expect(refusal(again.error)?.code).toBe('session_exists');
    expect(await sql('select count(*)::int as n from public.shifts where session_id = $1', [existing.sessionId])).toEqual([{ n: 3 }]);
  });

  test('refuses a past date, a campaign of another province, and a site given twice or not at all', async () => {
    const site = await createSession({ campaignId, place, inDays: 23, published: false });
    const args = { p_campaign_id: campaignId, p_date: addDays(todayInVietnam(), 40), p_shifts: defaultShifts() };
    expect(refusal((await commune.rpc('staff_create_session', { ...args, p_date: addDays(todayInVietnam(), -1), p_site_id: site.siteId })).error)).toEqual({ code: 'invalid_argument', details: { field: 'date' } });
    const bacKan = await createCampaign('06');
    expect(refusal((await commune.rpc('staff_create_session', { ...args, p_campaign_id: bacKan.id, p_site_id: site.siteId })).error)?.code).toBe('campaign_not_found');
    expect(refusal((await commune.rpc('staff_create_session', args)).error)).toEqual({ code: 'invalid_argument', details: { field: 'site' } });
    expect(refusal((await commune.rpc('staff_create_session', { ...args, p_site_id: site.siteId, p_new_site: newSite('Hai địa điểm') })).error)).toEqual({ code: 'invalid_argument', details: { field: 'site' } });
  });
});

describe('staff_update_site', () => {
  test('corrects a site, audited before and after; refuses a bad field by name and a ward outside the scope', async () => {
    const { siteId } = await createSession({ campaignId, place, published: false });
    const name = `Nhà văn hóa sửa ${randomBytes(3).toString('hex')}`;
    const answer = await commune.rpc('staff_update_site', { p_site_id: siteId, p_site: { ...newSite(name), access_notes: '  Cổng phụ  ' } });
    expect(answer.error).toBeNull();
    expect(updatedSiteSchema.parse(answer.data)).toEqual({ ok: true, site_id: siteId });
    expect(await sql('select name, kind, access_notes from public.intake_sites where id = $1', [siteId])).toEqual([{ name, kind: 'school', access_notes: 'Cổng phụ' }]);
    const [entry] = await auditOf('intake_sites', siteId);
    expect([entry?.action, entry?.after?.name, entry?.before?.kind]).toEqual(['update', name, 'commune_hall']);

    for (const [patch, field] of [
      [{ lat: 61.2 }, 'lat'],
      [{ lng: '107' }, 'lng'],
      [{ name: 'ab' }, 'name'],
      [{ kind: 'market' }, 'kind'],
      [{ address: ' ' }, 'address'],
      [{ access_notes: 'x'.repeat(501) }, 'access_notes'],
      [{ ward_id: 'a' }, 'ward_id'],
    ] as const) {
      expect(refusal((await commune.rpc('staff_update_site', { p_site_id: siteId, p_site: { ...newSite(name), ...patch } })).error)).toEqual({ code: 'invalid_argument', details: { field } });
    }
    // Another ward of Thành phố Huế: the district's, not this commune officer's.
    const [otherWard] = await sql<{ id: number }>(
      "select w.id from public.admin_units w join public.admin_units d on d.id = w.parent_id where d.unit_set = '2021' and d.code = '474' and w.code <> '19786' limit 1",
    );
    expect(refusal((await commune.rpc('staff_update_site', { p_site_id: siteId, p_site: { ...newSite(name), ward_id: otherWard!.id } })).error)).toEqual({ code: 'not_found', details: { field: 'ward_id' } });
    expect(await sql('select ward_id from public.intake_sites where id = $1', [siteId])).toEqual([{ ward_id: wardId }]);
  });
});

describe('staff_set_session_published and staff_set_shift_capacity', () => {
  test('publish and take back a session, audited', async () => {
    const { sessionId } = await createSession({ campaignId, place, published: false });
    const published = await commune.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: true });
    expect(publishedSessionSchema.parse(published.data)).toEqual({ ok: true, session_id: sessionId, published: true });
    const draft = await commune.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: false });
    expect(publishedSessionSchema.parse(draft.data).published).toBe(false);
    expect((await auditOf('intake_sessions', sessionId)).map((entry) => entry.after?.published)).toEqual([true, false]);
  });

  test('never go below the places booked: capacity_below_booked with the number booked', async () => {
    const { shiftIds } = await createSession({ campaignId, place, inDays: 4 });
    const booked = await anonFrom('127.0.91.1').rpc('book_places', bookArgs(shiftIds[0]!, [person(), person()]));
    expect(booked.error).toBeNull();
    const below = await commune.rpc('staff_set_shift_capacity', { p_shift_id: shiftIds[0]!, p_capacity: 1 });
    expect(below.status).toBe(409);
    expect(refusal(below.error)).toEqual({ code: 'capacity_below_booked', details: { booked: 2 } });
    expect(refusal((await commune.rpc('staff_set_shift_capacity', { p_shift_id: shiftIds[0]!, p_capacity: 5001 })).error)).toEqual({ code: 'invalid_argument', details: { field: 'capacity' } });
    const down = await commune.rpc('staff_set_shift_capacity', { p_shift_id: shiftIds[0]!, p_capacity: 2 });
    expect(shiftCapacitySchema.parse(down.data)).toEqual({ ok: true, shift_id: shiftIds[0], capacity: 2, booked: 2 });
    const [entry] = await auditOf('shifts', shiftIds[0]!);
    expect([entry?.before?.capacity, entry?.after?.capacity]).toEqual([50, 2]);
  });
});

describe('calling off, moving or unpublishing a booked session needs the number of people booked', () => {
  /** A published session in `inDays` days with `people` booked in its first shift, one group. */
  async function bookedSession(inDays: number, people: number) {
    const session = await createSession({ campaignId, place, inDays });
    const booked = await anonFrom('127.0.91.2').rpc('book_places', bookArgs(session.shiftIds[0]!, Array.from({ length: people }, () => person())));
    expect(booked.error).toBeNull();
    return session;
  }
  const sessionRow = (id: number) =>
    sql<{ published: boolean; cancelled: boolean; date: string }>(
      "select published, cancelled_at is not null as cancelled, to_char(session_date, 'YYYY-MM-DD') as date from public.intake_sessions where id = $1",
      [id],
    );

  test('cancelling is refused without the number, or with a number read before someone else booked; done with the number now', async () => {
    const { sessionId, shiftIds } = await bookedSession(5, 2);
    const unconfirmed = await commune.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường' });
    expect(unconfirmed.status).toBe(409);
    expect(refusal(unconfirmed.error)).toEqual({ code: 'session_has_bookings', details: { booked: 2 } });
    expect((await anonFrom('127.0.91.3').rpc('book_places', bookArgs(shiftIds[1]!, [person()]))).error).toBeNull();
    const stale = await commune.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 2 });
    expect(refusal(stale.error)).toEqual({ code: 'session_has_bookings', details: { booked: 3 } });
    expect(await sessionRow(sessionId)).toEqual([{ published: true, cancelled: false, date: addDays(todayInVietnam(), 5) }]);

    const confirmed = await commune.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 3 });
    expect(cancelledSessionSchema.parse(confirmed.data)).toEqual({ ok: true, session_id: sessionId });
    expect((await sessionRow(sessionId))[0]?.cancelled).toBe(true);
  });

  test('taking a booked session back to draft needs the number; publishing it again does not', async () => {
    const { sessionId } = await bookedSession(6, 3);
    const unconfirmed = await commune.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: false, p_booked_count: 1 });
    expect(refusal(unconfirmed.error)).toEqual({ code: 'session_has_bookings', details: { booked: 3 } });
    expect((await sessionRow(sessionId))[0]?.published).toBe(true);
    const draft = await commune.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: false, p_booked_count: 3 });
    expect(publishedSessionSchema.parse(draft.data)).toEqual({ ok: true, session_id: sessionId, published: false });
    const again = await commune.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: true });
    expect(publishedSessionSchema.parse(again.data).published).toBe(true);
  });

  test('a booked session moves with the number confirmed, its bookings keeping their shifts and queue numbers; not once its day has begun', async () => {
    const { sessionId, shiftIds } = await bookedSession(7, 2);
    const to = addDays(todayInVietnam(), 9);
    expect(refusal((await commune.rpc('staff_move_session', { p_session_id: sessionId, p_date: to })).error)).toEqual({ code: 'session_has_bookings', details: { booked: 2 } });
    const moved = await commune.rpc('staff_move_session', { p_session_id: sessionId, p_date: to, p_booked_count: 2 });
    expect(movedSessionSchema.parse(moved.data)).toEqual({ ok: true, session_id: sessionId, date: to });
    const bookings = await sql<{ shift_id: string; queue_no: number; status: string; starts_at: Date }>(
      'select b.shift_id, b.queue_no, b.status, s.starts_at from public.bookings b join public.shifts s on s.id = b.shift_id where s.session_id = $1 order by b.queue_no',
      [sessionId],
    );
    // 07:00 in Huế on the new date.
    expect(bookings.map((b) => [Number(b.shift_id), b.queue_no, b.status, b.starts_at.toISOString()])).toEqual([
      [shiftIds[0], 1, 'confirmed', `${to}T00:00:00.000Z`],
      [shiftIds[0], 2, 'confirmed', `${to}T00:00:00.000Z`],
    ]);

    // The day of intake has begun once someone is checked in: the rows belong to that day.
    await sql("update public.bookings set status = 'checked_in' where shift_id = $1 and queue_no = 1", [shiftIds[0]]);
    const started = await commune.rpc('staff_move_session', { p_session_id: sessionId, p_date: addDays(to, 1), p_booked_count: 2 });
    expect(started.status).toBe(409);
    expect(refusal(started.error)).toEqual({ code: 'session_started', details: null });
    expect((await sessionRow(sessionId))[0]?.date).toBe(to);
  });
});

describe('staff_record_daily_count', () => {
  test('records a figure and replaces it, both audited; refuses more walk-ins than applications', async () => {
    const day = addDays(todayInVietnam(), -3);
    const first = await commune.rpc('staff_record_daily_count', { p_campaign_id: campaignId, p_unit_id: wardId, p_day: day, p_applications: 40, p_walk_ins: 4 });
    expect(dailyCountRecordSchema.parse(first.data)).toMatchObject({ campaign_id: campaignId, unit_id: wardId, day, applications: 40, walk_ins: 4 });
    const second = await commune.rpc('staff_record_daily_count', { p_campaign_id: campaignId, p_unit_id: wardId, p_day: day, p_applications: 47, p_walk_ins: 5 });
    expect(dailyCountRecordSchema.parse(second.data)).toMatchObject({ applications: 47, walk_ins: 5 });
    const rows = await sql<{ id: string; applications: number; updated_by: string }>(
      'select id, applications, updated_by::text from public.daily_intake_counts where campaign_id = $1 and unit_id = $2 and day = $3',
      [campaignId, wardId, day],
    );
    expect(rows.map((row) => [row.applications, row.updated_by])).toEqual([[47, communeId]]);
    expect((await auditOf('daily_intake_counts', rows[0]!.id)).map((entry) => [entry.action, entry.after?.applications])).toEqual([
      ['insert', 40],
      ['update', 47],
    ]);

    const tooMany = await commune.rpc('staff_record_daily_count', { p_campaign_id: campaignId, p_unit_id: wardId, p_day: day, p_applications: 3, p_walk_ins: 4 });
    expect(refusal(tooMany.error)).toEqual({ code: 'invalid_argument', details: { field: 'walk_ins' } });
    expect(refusal((await commune.rpc('staff_record_daily_count', { p_campaign_id: -1, p_unit_id: wardId, p_day: day, p_applications: 3, p_walk_ins: 0 })).error)?.code).toBe('campaign_not_found');
  });
});

describe('staff_mark_organisation_request_handled', () => {
  test('marks a request handled once, audited; marking it again keeps the first time', async () => {
    const [request] = await sql<{ id: string }>(
      `insert into public.organisation_requests (kind, name, ward_id, address, expected_people, contact_name, contact_phone, preferred_from, preferred_to, campaign_id)
       values ('enterprise', 'Công ty thử', $1, '9 Lê Lợi', 80, 'Anh Tâm', '0905123457', current_date + 10, current_date + 20, $2) returning id`,
      [wardId, campaignId],
    );
    const id = Number(request!.id);
    const answer = await commune.rpc('staff_mark_organisation_request_handled', { p_request_id: id });
    expect(handledRequestSchema.parse(answer.data)).toEqual({ ok: true, request_id: id, status: 'handled' });
    const [first] = await sql<{ handled_at: Date }>('select handled_at from public.organisation_requests where id = $1', [id]);
    expect((await commune.rpc('staff_mark_organisation_request_handled', { p_request_id: id })).error).toBeNull();
    expect(await sql('select handled_at from public.organisation_requests where id = $1', [id])).toEqual([first]);
    expect((await auditOf('organisation_requests', id)).map((entry) => [entry.actor, entry.before?.status, entry.after?.status])).toEqual([[communeId, 'new', 'handled']]);
  });
});
