// The audit log says who changed what, but hands officers no hashes, and keeps no personal data
// beyond the retention period: the daily purge clears the personal columns of old entries.
import { beforeAll, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { officer, serviceClient } from './support/clients.ts';
import { anonFrom, bookArgs, consentInForce, createCampaign, createSession, person, phone, placeIn, sql } from './support/fixtures.ts';

let campaignId: number;
let campaignSlug: string;
let commune: Awaited<ReturnType<typeof officer>>;
const phuHoi = async () => ({ ...(await placeIn('474')), wardCode: '19786' });

beforeAll(async () => {
  ({ id: campaignId, slug: campaignSlug } = await createCampaign('46'));
  commune = await officer('commune_officer', '19786');
});

interface Entry {
  table_name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const entriesOf = (table: string, rowId: string) =>
  sql<Entry>('select table_name, before, after from public.audit_log where table_name = $1 and row_id = $2 order by id', [table, rowId]);

test('a sign-up link is logged without its coordinator token hash', async () => {
  const session = await createSession({ campaignId, place: await phuHoi(), published: false });
  const { data, error } = await commune.rpc('staff_create_signup_link', {
    p_session_id: session.sessionId,
    p_org_name: 'Công ty May Huế',
    p_org_kind: 'enterprise',
    p_places: 10,
    p_closes_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const [entry] = await entriesOf('signup_links', String(answer(answerSchemas.staff_create_signup_link, { data, error }).id));
  expect(entry?.after).toMatchObject({ org_name: 'Công ty May Huế', places: 10 });
  expect(Object.keys(entry!.after!).filter((key) => key.endsWith('_hash'))).toEqual([]);
});

test('the purge clears the personal data of old audit entries and keeps what changed', async () => {
  const session = await createSession({ campaignId, place: await phuHoi() });
  const someone = person();
  const booked = await anonFrom('127.0.90.1').rpc('book_places', bookArgs(session.shiftIds[0]!, [someone]));
  const code = answer(answerSchemas.book_places, booked).bookings[0]!.code;
  expect(answer(answerSchemas.staff_check_in, await commune.rpc('staff_check_in', { p_code: code }))).toMatchObject({ kind: 'booking', code, status: 'checked_in' });

  const request = await anonFrom('127.0.90.2').rpc('request_organisation_session', {
    p_campaign: campaignSlug, p_consent: consentInForce, p_kind: 'agency', p_name: 'Kho bạc Nhà nước Huế', p_ward: '19786', p_address: '8 Lê Lợi', p_expected_people: 40,
    p_contact_name: 'Anh Phan Văn Tâm', p_contact_phone: phone(), p_contact_email: '',
    p_preferred_from: addDays(todayInVietnam(), 5),
    p_preferred_to: addDays(todayInVietnam(), 9),
  });
  const requestId = String(answer(answerSchemas.request_organisation_session, request).id);
  expect((await commune.rpc('staff_mark_organisation_request_handled', { p_request_id: Number(requestId) })).error).toBeNull();

  const [bookingId] = await sql<{ id: string }>('select id::text from public.bookings where code = $1', [code]);
  const [checkIn] = await entriesOf('bookings', bookingId!.id);
  const [handled] = await entriesOf('organisation_requests', requestId);
  expect(checkIn?.after).toMatchObject({ full_name: someone.full_name, status: 'checked_in' });
  expect(handled?.after).toMatchObject({ contact_name: 'Anh Phan Văn Tâm', status: 'handled' });

  // Recent entries stay whole; entries older than the retention period lose the personal columns.
  expect((await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 })).error).toBeNull();
  expect((await entriesOf('bookings', bookingId!.id))[0]?.after).toMatchObject({ full_name: someone.full_name });

  await sql("update public.audit_log set at = now() - interval '40 days' where (table_name, row_id) in (('bookings', $1), ('organisation_requests', $2))", [bookingId!.id, requestId]);
  const purged = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
  expect(purged.audit_entries).toBeGreaterThanOrEqual(2);
  const [bookingAfter] = await entriesOf('bookings', bookingId!.id);
  const [requestAfter] = await entriesOf('organisation_requests', requestId);
  expect(bookingAfter?.after).toMatchObject({ status: 'checked_in' });
  expect(bookingAfter?.after).not.toHaveProperty('full_name');
  expect(bookingAfter?.before).not.toHaveProperty('birth_date');
  expect(requestAfter?.after).toMatchObject({ status: 'handled', name: 'Kho bạc Nhà nước Huế' });
  expect(requestAfter?.after).not.toHaveProperty('contact_phone');
  expect(requestAfter?.before).not.toHaveProperty('contact_name');
});
