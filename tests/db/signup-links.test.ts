// Sign-up links of schools, enterprises and agencies: the share token shows public facts and never
// who has joined; sign-ups hold within the link's places and the shift's capacity, also when they
// race; the coordinator's token and staff of the unit read the roster, nobody else; paused,
// revoked and closed links refuse with their own codes. Organisation requests: rate limit and RLS.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { consentTexts } from '../../src/domain/consent-texts.ts';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { anonClient, officer, serviceClient, signedInUser } from './support/clients.ts';
import { anonFrom, bookArgs, consentInForce, createCampaign, createSession, idempotencyKey, person, phone, placeIn, shiftCounts, sql } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

const phuHoiPlace = async () => ({ ...(await placeIn('474')), wardCode: '19786' });
let campaignId: number;
let campaignSlug: string;
let commune: Client;
let elsewhere: Client;

beforeAll(async () => {
  ({ id: campaignId, slug: campaignSlug } = await createCampaign('46'));
  commune = await officer('commune_officer', '19786');
  elsewhere = await officer('district_officer', '058'); // Bắc Kạn
});

/** An unpublished (or published) session at a school in Phú Hội, with a link made by the ward's officer. */
async function schoolLink(places = 5, shiftCapacity = 50, kind: 'school' | 'enterprise' = 'school', published = false) {
  const session = await createSession({
    campaignId,
    place: await phuHoiPlace(),
    published,
    kind: 'school',
    shifts: [{ start: '07:00', end: '12:00', capacity: shiftCapacity }],
  });
  const closesAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const { data, error } = await commune.rpc('staff_create_signup_link', {
    p_session_id: session.sessionId,
    p_org_name: 'Trường THPT Hai Bà Trưng',
    p_org_kind: kind,
    p_places: places,
    p_closes_at: closesAt,
  });
  const link = answer(answerSchemas.staff_create_signup_link, { data, error });
  return { ...session, ...link };
}

function joinArgs(token: string, shiftId: number, overrides: Record<string, unknown> = {}) {
  return {
    p_token: token,
    p_shift_id: shiftId,
    p_person: { ...person(), birth_date: '2005-03-04', application_kind: 'first_issue' } as unknown as Database['public']['Functions']['join_signup_link']['Args']['p_person'],
    p_phone: phone(),
    p_org_group: '12A3',
    p_guardian_consent: false,
    p_consent: consentInForce,
    p_idempotency_key: idempotencyKey(),
    ...overrides,
  };
}

describe('the share token', () => {
  test('shows the organisation, the session, its shifts and the places left, and no one who joined', async () => {
    const link = await schoolLink(5);
    const joined = await anonFrom('127.0.70.1').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(joined.error).toBeNull();
    const info = answer(answerSchemas.signup_link_info, await anonClient().rpc('signup_link_info', { p_token: link.share_token }));
    expect(info).toMatchObject({ org_name: 'Trường THPT Hai Bà Trưng', org_kind: 'school', state: 'open', places_left: 4 });
    expect(info.shifts).toEqual([expect.objectContaining({ id: link.shiftIds[0], places_left: 49 })]);
    const name = answer(answerSchemas.join_signup_link, joined).bookings[0]!.full_name!;
    expect(JSON.stringify(info)).not.toContain(name);
    expect(JSON.stringify(info)).not.toContain('12A3');
  });

  test('does not open the roster', async () => {
    const link = await schoolLink();
    const { error } = await anonClient().rpc('coordinator_roster', { p_token: link.share_token });
    expect(refusal(error)?.code).toBe('not_found');
  });

  test('that does not exist is refused as link_not_found', async () => {
    const { error } = await anonClient().rpc('signup_link_info', { p_token: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(refusal(error)?.code).toBe('link_not_found');
    const joined = await anonFrom('127.0.70.2').rpc('join_signup_link', joinArgs('AAAAAAAAAAAAAAAAAAAAAA', 1));
    expect(refusal(joined.error)?.code).toBe('link_not_found');
  });

  test('is not a way into anyone else\'s session', async () => {
    const link = await schoolLink();
    const other = await createSession({ campaignId, place: await phuHoiPlace() });
    const { error } = await anonFrom('127.0.70.3').rpc('join_signup_link', joinArgs(link.share_token, other.shiftIds[0]!));
    expect(refusal(error)?.code).toBe('shift_not_found');
  });
});

describe('joining', () => {
  test('books the student into the unpublished session, marked with the link, class and guardian consent', async () => {
    const link = await schoolLink();
    const minorBirth = `${Number(todayInVietnam().slice(0, 4)) - 16}-01-15`;
    const args = joinArgs(link.share_token, link.shiftIds[0]!, {
      p_person: { ...person(), birth_date: minorBirth, application_kind: 'first_issue' },
      p_guardian_consent: true,
    });
    const code = answer(answerSchemas.join_signup_link, await anonFrom('127.0.70.4').rpc('join_signup_link', args)).bookings[0]!.code;
    const [row] = await sql<{ signup_link_id: string; org_group: string; consent: boolean }>(
      'select signup_link_id, org_group, guardian_consent_at is not null as consent from public.bookings where code = $1',
      [code],
    );
    expect(row).toEqual({ signup_link_id: String(link.id), org_group: '12A3', consent: true });
    expect(await shiftCounts(link.shiftIds[0]!)).toEqual({ booked: 1, last_queue_no: 1 });
    // A replay of the same call returns the first booking.
    const replay = await anonFrom('127.0.70.4').rpc('join_signup_link', args);
    expect(answer(answerSchemas.join_signup_link, replay).bookings[0]!.code).toBe(code);
  });

  test('records the consent text the student agreed to, and refuses one not in force today', async () => {
    const link = await schoolLink();
    const outdated = consentTexts.find((text) => text.id !== consentInForce)!.id;
    const refused = await anonFrom('127.0.70.40').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!, { p_consent: outdated }));
    expect(refusal(refused.error)).toEqual({ code: 'consent_outdated', details: { in_force: consentInForce } });
    const code = answer(answerSchemas.join_signup_link, await anonFrom('127.0.70.40').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!))).bookings[0]!.code;
    const rows = await sql('select g.consent_text_id from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1', [code]);
    expect(rows).toEqual([{ consent_text_id: consentInForce }]);
  });

  test('refuses a student under 18 without a guardian\'s consent', async () => {
    const link = await schoolLink();
    const { error } = await anonFrom('127.0.70.5').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!, {
      p_person: { ...person(), birth_date: `${Number(todayInVietnam().slice(0, 4)) - 15}-01-15`, application_kind: 'first_issue' },
    }));
    expect(refusal(error)).toEqual({ code: 'guardian_consent_required', details: { person: 0 } });
  });

  test('refuses a missing class or department', async () => {
    const link = await schoolLink();
    const { error } = await anonFrom('127.0.70.6').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!, { p_org_group: '  ' }));
    expect(refusal(error)).toEqual({ code: 'invalid_argument', details: { field: 'org_group' } });
  });

  test('stops at the link\'s places, and a cancelled sign-up frees one', async () => {
    const link = await schoolLink(2);
    const ip = '127.0.70.7';
    const first = await anonFrom(ip).rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    await anonFrom(ip).rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    const third = await anonFrom(ip).rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(third.status).toBe(409);
    expect(refusal(third.error)?.code).toBe('link_full');
    const code = answer(answerSchemas.join_signup_link, first).bookings[0]!.code;
    await anonClient().rpc('coordinator_remove_entry', { p_token: link.coordinator_token, p_code: code });
    const again = await anonFrom(ip).rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(again.error).toBeNull();
  });

  test('stops at the shift\'s capacity when it is smaller than the link\'s places: the link is full', async () => {
    const link = await schoolLink(10, 1);
    await anonFrom('127.0.70.8').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    const { error } = await anonFrom('127.0.70.8').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(refusal(error)?.code).toBe('link_full');
  });

  test('shares a published session\'s shift with public bookings, and the link shows full once the shift is', async () => {
    const link = await schoolLink(30, 3, 'school', true);
    const shiftId = link.shiftIds[0]!;
    const info = async () => answer(answerSchemas.signup_link_info, await anonClient().rpc('signup_link_info', { p_token: link.share_token }));
    expect(await info()).toMatchObject({ state: 'open', places_left: 3 });

    const booked = await anonFrom('127.0.70.16').rpc('book_places', bookArgs(shiftId, [person(), person()]));
    expect(booked.error).toBeNull();
    expect(await info()).toMatchObject({ state: 'open', places_left: 1 });
    const joined = await anonFrom('127.0.70.16').rpc('join_signup_link', joinArgs(link.share_token, shiftId));
    expect(joined.error).toBeNull();

    expect(await info()).toMatchObject({ state: 'full', places_left: 0, shifts: [expect.objectContaining({ places_left: 0 })] });
    const classmate = await anonFrom('127.0.70.16').rpc('join_signup_link', joinArgs(link.share_token, shiftId));
    expect(refusal(classmate.error)?.code).toBe('link_full');
    const citizen = await anonFrom('127.0.70.16').rpc('book_places', bookArgs(shiftId, [person()]));
    expect(refusal(citizen.error)?.code).toBe('shift_full');

    const roster = answer(answerSchemas.coordinator_roster, await anonClient().rpc('coordinator_roster', { p_token: link.coordinator_token }));
    expect(roster.link).toMatchObject({ places: 30, places_left: 0, state: 'full' });
    const counted = await commune.rpc('staff_signup_link_counts', { p_link_ids: [link.id] });
    expect(counted.data).toEqual([{ link_id: link.id, taken: 1, places_left: 0 }]);
    expect(await elsewhere.rpc('staff_signup_link_counts', { p_link_ids: [link.id] })).toMatchObject({ error: null, data: [] });
    expect((await anonClient().rpc('staff_signup_link_counts', { p_link_ids: [link.id] })).error?.code).toBe('42501');
  });

  test('holds the link\'s places and the shift\'s capacity under 40 parallel sign-ups', async () => {
    const byLink = await schoolLink(7, 50);
    const byShift = await schoolLink(50, 6);
    const storm = (link: { share_token: string; shiftIds: number[] }, offset: number) =>
      Promise.all(Array.from({ length: 40 }, (_, i) =>
        anonFrom(`127.0.${71 + offset}.${1 + (i % 50)}`).rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!))));
    const [linkResults, shiftResults] = await Promise.all([storm(byLink, 0), storm(byShift, 1)]);
    expect(linkResults.filter((r) => r.error === null)).toHaveLength(7);
    expect(new Set(linkResults.filter((r) => r.error).map((r) => r.error!.code))).toEqual(new Set(['link_full']));
    expect(shiftResults.filter((r) => r.error === null)).toHaveLength(6);
    // The link's session has no other shift: once this one is full, so is the link.
    expect(new Set(shiftResults.filter((r) => r.error).map((r) => r.error!.code))).toEqual(new Set(['link_full']));
    expect(await shiftCounts(byLink.shiftIds[0]!)).toEqual({ booked: 7, last_queue_no: 7 });
    expect(await shiftCounts(byShift.shiftIds[0]!)).toEqual({ booked: 6, last_queue_no: 6 });
  });

  test.each([
    ['paused', 'link_paused', 409],
    ['revoked', 'link_revoked', 410],
  ] as const)('refuses a %s link with %s and says so in the page\'s facts', async (status, code, httpStatus) => {
    const link = await schoolLink();
    const changed = await commune.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: status });
    expect(answer(answerSchemas.staff_set_signup_link_status, changed)).toEqual({ id: link.id, status });
    const joined = await anonFrom('127.0.70.9').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(joined.status).toBe(httpStatus);
    expect(refusal(joined.error)?.code).toBe(code);
    expect(answer(answerSchemas.signup_link_info, await anonClient().rpc('signup_link_info', { p_token: link.share_token })).state).toBe(status);
  });

  test('refuses a link past its closing time with link_closed', async () => {
    const link = await schoolLink();
    await sql("update public.signup_links set closes_at = now() - interval '1 minute' where id = $1", [link.id]);
    const joined = await anonFrom('127.0.70.10').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(refusal(joined.error)?.code).toBe('link_closed');
    expect(answer(answerSchemas.signup_link_info, await anonClient().rpc('signup_link_info', { p_token: link.share_token })).state).toBe('closed');
  });

  test('refuses a link whose session is called off with link_closed', async () => {
    const link = await schoolLink();
    await sql('update public.intake_sessions set cancelled_at = now() where id = $1', [link.sessionId]);
    const joined = await anonFrom('127.0.70.17').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(refusal(joined.error)?.code).toBe('link_closed');
  });

  test('takes sign-ups again once a paused link is resumed; a revoked one stays revoked', async () => {
    const link = await schoolLink();
    await commune.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: 'paused' });
    await commune.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: 'active' });
    const joined = await anonFrom('127.0.70.11').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!));
    expect(joined.error).toBeNull();
    await commune.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: 'revoked' });
    const resumed = await commune.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: 'active' });
    expect(refusal(resumed.error)?.code).toBe('link_revoked');
  });
});

describe('the roster', () => {
  let link: Awaited<ReturnType<typeof schoolLink>>;
  let name: string;

  beforeAll(async () => {
    link = await schoolLink(5, 50, 'enterprise');
    const someone = { ...person(), birth_date: '2005-03-04', application_kind: 'first_issue' };
    const args = joinArgs(link.share_token, link.shiftIds[0]!, { p_org_group: 'Phòng Kế toán', p_person: someone });
    name = someone.full_name;
    const { error } = await anonFrom('127.0.70.12').rpc('join_signup_link', args);
    expect(error).toBeNull();
  });

  test('opens to the coordinator\'s token with name, department, birth date, queue number and status', async () => {
    const roster = answer(answerSchemas.coordinator_roster, await anonClient().rpc('coordinator_roster', { p_token: link.coordinator_token }));
    expect(roster.link).toMatchObject({ org_name: 'Trường THPT Hai Bà Trưng', places: 5, state: 'open' });
    expect(roster.entries).toEqual([
      expect.objectContaining({ full_name: name, org_group: 'Phòng Kế toán', birth_date: '2005-03-04', queue_no: 1, status: 'confirmed' }),
    ]);
  });

  test('opens to staff of the unit, through the function and through RLS', async () => {
    const staffRoster = answer(answerSchemas.staff_link_roster, await commune.rpc('staff_link_roster', { p_link_id: link.id }));
    expect(staffRoster.entries.map((entry) => entry.full_name)).toEqual([name]);
    const rows = await commune.from('bookings').select('full_name, org_group').eq('signup_link_id', link.id);
    expect(rows.data).toEqual([{ full_name: name, org_group: 'Phòng Kế toán' }]);
    const links = await commune.from('signup_links').select('id, share_token').eq('id', link.id);
    expect(links.data).toEqual([{ id: link.id, share_token: link.share_token }]);
  });

  test('stays closed to other units, citizens, wrong tokens and the coordinator hash column', async () => {
    expect(refusal((await elsewhere.rpc('staff_link_roster', { p_link_id: link.id })).error)?.code).toBe('not_found');
    expect(await elsewhere.from('bookings').select('full_name').eq('signup_link_id', link.id)).toMatchObject({ error: null, data: [] });
    expect(await elsewhere.from('signup_links').select('id').eq('id', link.id)).toMatchObject({ error: null, data: [] });
    const citizen = (await signedInUser()).client;
    expect(refusal((await citizen.rpc('staff_link_roster', { p_link_id: link.id })).error)?.code).toBe('not_allowed');
    expect((await anonClient().from('signup_links').select('id')).error?.code).toBe('42501');
    expect(refusal((await anonClient().rpc('coordinator_roster', { p_token: `${link.coordinator_token.slice(0, -2)}AA` })).error)?.code).toBe('not_found');
    expect((await commune.from('signup_links').select('coordinator_token_hash').eq('id', link.id)).error?.code).toBe('42501');
  });

  test('lets other units neither make, pause nor re-key a link', async () => {
    const create = await elsewhere.rpc('staff_create_signup_link', {
      p_session_id: link.sessionId, p_org_name: 'Công ty thử', p_org_kind: 'enterprise', p_places: 3, p_closes_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(refusal(create.error)?.code).toBe('not_found');
    expect(refusal((await elsewhere.rpc('staff_set_signup_link_status', { p_link_id: link.id, p_status: 'paused' })).error)?.code).toBe('not_found');
    expect((await anonClient().rpc('staff_new_coordinator_token', { p_link_id: link.id })).error?.code).toBe('42501');
  });

  test('follows a new coordinator token; the old one stops working', async () => {
    const other = await schoolLink();
    const fresh = answer(answerSchemas.staff_new_coordinator_token, await commune.rpc('staff_new_coordinator_token', { p_link_id: other.id })).coordinator_token;
    expect(refusal((await anonClient().rpc('coordinator_roster', { p_token: other.coordinator_token })).error)?.code).toBe('not_found');
    expect((await anonClient().rpc('coordinator_roster', { p_token: fresh })).error).toBeNull();
  });

  test('loses an entry the coordinator removes, which frees the place in the shift; staff changes are audited', async () => {
    const other = await schoolLink(3);
    const code = answer(answerSchemas.join_signup_link, await anonFrom('127.0.70.13').rpc('join_signup_link', joinArgs(other.share_token, other.shiftIds[0]!))).bookings[0]!.code;
    const removed = await anonClient().rpc('coordinator_remove_entry', { p_token: other.coordinator_token, p_code: code });
    expect(answer(answerSchemas.coordinator_remove_entry, removed).entries[0]!.status).toBe('cancelled');
    expect((await shiftCounts(other.shiftIds[0]!)).booked).toBe(0);
    const twice = await anonClient().rpc('coordinator_remove_entry', { p_token: other.coordinator_token, p_code: code });
    expect(refusal(twice.error)?.code).toBe('booking_not_active');
    // A code of another link is not the coordinator's to remove.
    const foreign = await anonClient().rpc('coordinator_remove_entry', { p_token: link.coordinator_token, p_code: code });
    expect(refusal(foreign.error)?.code).toBe('not_found');
    const audit = await sql("select action from public.audit_log where table_name = 'signup_links' and row_id = $1", [String(other.id)]);
    expect(audit.map((row) => row.action)).toContain('insert');
  });
});

test('a sign-up moved to a public session elsewhere leaves the link and frees its place', async () => {
  const link = await schoolLink(1);
  const phoneNumber = phone();
  const joined = await anonFrom('127.0.70.15').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!, { p_phone: phoneNumber }));
  const joinedBooking = answer(answerSchemas.join_signup_link, joined).bookings[0]!;
  const code = joinedBooking.code;
  // The booking page names the organisation, to warn that moving elsewhere leaves its list.
  expect(joinedBooking.organisation).toBe('Trường THPT Hai Bà Trưng');
  const info = async () => answer(answerSchemas.signup_link_info, await anonClient().rpc('signup_link_info', { p_token: link.share_token }));
  expect(await info()).toMatchObject({ state: 'full', places_left: 0 });

  const elsewhereSession = await createSession({ campaignId, place: await phuHoiPlace(), inDays: 4 });
  const moved = await anonFrom('127.0.70.15').rpc('move_booking', { p_code: code, p_phone: phoneNumber, p_shift_id: elsewhereSession.shiftIds[0]! });
  expect(answer(answerSchemas.move_booking, moved).bookings[0]!.organisation).toBeNull();
  expect(await info()).toMatchObject({ state: 'open', places_left: 1 });
  const roster = answer(answerSchemas.coordinator_roster, await anonClient().rpc('coordinator_roster', { p_token: link.coordinator_token }));
  expect(roster.entries.map((entry) => entry.code)).not.toContain(code);
  expect((await sql('select signup_link_id, org_group from public.bookings where code = $1', [code]))[0]).toEqual({ signup_link_id: null, org_group: null });
});

test('the purge of personal data clears the class or department too', async () => {
  const link = await schoolLink();
  const code = answer(answerSchemas.join_signup_link, await anonFrom('127.0.70.14').rpc('join_signup_link', joinArgs(link.share_token, link.shiftIds[0]!))).bookings[0]!.code;
  // As if the session had taken place 60 days ago.
  await sql('update public.intake_sessions set session_date = session_date - 60 where id = $1', [link.sessionId]);
  const purged = await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 });
  expect(purged.error).toBeNull();
  expect((await sql('select org_group, purged_at is not null as purged from public.bookings where code = $1', [code]))[0])
    .toEqual({ org_group: null, purged: true });
});

describe('organisation requests', () => {
  const inDays = (days: number) => addDays(todayInVietnam(), days);
  const requestArgs = (overrides: Record<string, unknown> = {}) => ({
    p_campaign: campaignSlug,
    p_consent: consentInForce,
    p_kind: 'school',
    p_name: 'Trường THPT Nguyễn Huệ',
    p_ward: '19786',
    p_address: '23 Lê Lợi, Phú Hội',
    p_expected_people: 320,
    p_contact_name: 'Cô Trần Thị Lan',
    p_contact_phone: phone(),
    p_contact_email: 'lan@example.vn',
    p_preferred_from: inDays(10),
    p_preferred_to: inDays(20),
    ...overrides,
  });

  test('reach the officers of the ward, not those of another unit nor the public', async () => {
    const name = `Trường THCS thử ${Date.now()}`;
    const { id } = answer(answerSchemas.request_organisation_session, await anonFrom('127.0.80.1').rpc('request_organisation_session', requestArgs({ p_name: name })));
    expect((await commune.from('organisation_requests').select('name, status').eq('id', id)).data).toEqual([{ name, status: 'new' }]);
    expect(await elsewhere.from('organisation_requests').select('id').eq('id', id)).toMatchObject({ error: null, data: [] });
    expect((await anonClient().from('organisation_requests').select('id')).error?.code).toBe('42501');
    expect(refusal((await elsewhere.rpc('staff_mark_organisation_request_handled', { p_request_id: id })).error)?.code).toBe('not_found');
    expect((await sql('select status from public.organisation_requests where id = $1', [id]))[0]).toEqual({ status: 'new' });
    expect((await commune.rpc('staff_mark_organisation_request_handled', { p_request_id: id })).error).toBeNull();
    expect((await sql('select status from public.organisation_requests where id = $1', [id]))[0]).toEqual({ status: 'handled' });
    expect(await sql("select 1 from public.audit_log where table_name = 'organisation_requests' and row_id = $1", [String(id)])).toHaveLength(1);
  });

  test('record their campaign and the consent text agreed to, and refuse a text not in force today', async () => {
    const { id } = answer(answerSchemas.request_organisation_session, await anonFrom('127.0.80.30').rpc('request_organisation_session', requestArgs()));
    const rows = await sql('select campaign_id, consent_text_id from public.organisation_requests where id = $1', [id]);
    expect(rows).toEqual([{ campaign_id: campaignId, consent_text_id: consentInForce }]);
    const outdated = consentTexts.find((text) => text.id !== consentInForce)!.id;
    expect(refusal((await anonFrom('127.0.80.31').rpc('request_organisation_session', requestArgs({ p_consent: outdated }))).error))
      .toEqual({ code: 'consent_outdated', details: { in_force: consentInForce } });
    expect(refusal((await anonFrom('127.0.80.31').rpc('request_organisation_session', requestArgs({ p_consent: '' }))).error)?.code).toBe('consent_required');
  });

  test('name a ward of their campaign’s province, and a campaign that exists', async () => {
    const ip = '127.0.80.32';
    const bacKan = await createCampaign('06');
    expect(refusal((await anonFrom(ip).rpc('request_organisation_session', requestArgs({ p_campaign: bacKan.slug }))).error)).toEqual({ code: 'ward_outside_campaign', details: { field: 'ward' } });
    expect(refusal((await anonFrom(ip).rpc('request_organisation_session', requestArgs({ p_campaign: 'no-such-campaign' }))).error)?.code).toBe('campaign_not_found');
  });

  test('keep their ward in their campaign whatever writes them: the table refuses another province\'s campaign, answered unit_not_in_campaign', async () => {
    const { id } = answer(answerSchemas.request_organisation_session, await anonFrom('127.0.80.33').rpc('request_organisation_session', requestArgs()));
    const bacKan = await createCampaign('06');
    const refused = await sql('update public.organisation_requests set campaign_id = $1 where id = $2', [bacKan.id, id]).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: '23514', constraint: 'organisation_requests_unit_in_campaign' });
    const [mapped] = await sql('select code from private.constraint_refusals where constraint_name = $1', [(refused as { constraint: string }).constraint]);
    expect(mapped).toEqual({ code: 'unit_not_in_campaign' });
  });

  test('refuse bad fields with the field named', async () => {
    const ip = '127.0.80.2';
    expect(refusal((await anonFrom(ip).rpc('request_organisation_session', requestArgs({ p_ward: '99999' }))).error)).toEqual({ code: 'invalid_argument', details: { field: 'ward' } });
    expect(refusal((await anonFrom(ip).rpc('request_organisation_session', requestArgs({ p_preferred_to: inDays(5) }))).error)).toEqual({ code: 'invalid_argument', details: { field: 'preferred_to' } });
  });

  test('are limited to 5 an hour from one address, refused calls counted', async () => {
    const ip = '127.0.80.3';
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await anonFrom(ip).rpc('request_organisation_session', requestArgs()));
    expect(answers.slice(0, 5).every((answer) => answer.error === null)).toBe(true);
    expect(answers[5]!.status).toBe(429);
    expect(refusal(answers[5]!.error)?.code).toBe('rate_limited');
  });

  test('are limited to 3 a day from one phone', async () => {
    const contact = phone();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await anonFrom(`127.0.80.${10 + i}`).rpc('request_organisation_session', requestArgs({ p_contact_phone: contact })));
    expect(answers.map((answer) => answer.error?.code ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'rate_limited']);
  });

  test('lose their contact data once handled long ago, and only then', async () => {
    const send = async (ip: string) => answer(answerSchemas.request_organisation_session, await anonFrom(ip).rpc('request_organisation_session', requestArgs()));
    const [old, recent, open] = [await send('127.0.80.20'), await send('127.0.80.21'), await send('127.0.80.22')];
    for (const request of [old, recent]) await commune.rpc('staff_mark_organisation_request_handled', { p_request_id: request.id });
    await sql("update public.organisation_requests set handled_at = now() - interval '40 days' where id = $1", [old.id]);
    const purged = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
    expect(purged.organisation_requests).toBeGreaterThanOrEqual(1);
    const rows = await sql<{ id: number; contact_name: string | null; contact_phone: string | null; handled: boolean; purged: boolean }>(
      'select id::int, contact_name, contact_phone, handled_at is not null as handled, purged_at is not null as purged from public.organisation_requests where id = any($1)',
      [[old.id, recent.id, open.id]],
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[old.id]).toMatchObject({ contact_name: null, contact_phone: null, purged: true });
    expect(byId[recent.id]).toMatchObject({ contact_name: 'Cô Trần Thị Lan', handled: true, purged: false });
    expect(byId[open.id]).toMatchObject({ contact_name: 'Cô Trần Thị Lan', handled: false, purged: false });
    // Officers may not set the time themselves: it follows the status.
    expect((await commune.from('organisation_requests').update({ handled_at: null } as never).eq('id', recent.id)).error?.code).toBe('42501');
  });
});
