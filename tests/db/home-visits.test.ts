// Home visits in the database: the status token is the only way in for citizens, RLS keeps
// requests to the officers of their ward's scope, the trigger allows only the listed status
// changes (a direct UPDATE included), one active request per person and ward, the rate limit per
// phone, idempotent submits, and an audit row for every staff change.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomBytes, randomInt } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { homeVisitRequestSchema, toRequestPayload, type HomeVisitRequestInput, type HomeVisitView } from '../../src/domain/home-visit.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { officer, serviceClient, signedInUser } from './support/clients.ts';
import { anonFrom, consentInForce, createCampaign, idempotencyKey, phone, sql } from './support/fixtures.ts';
import { homeVisitForm } from './support/home-visit-form.ts';
import { consentTexts } from '../../src/domain/consent-texts.ts';

type Client = SupabaseClient<Database>;

/** A request as the form makes it, for a new made-up person in Phú Hội (19786) unless told. */
const form = (overrides: Partial<HomeVisitRequestInput> = {}) => homeVisitForm(campaignSlug, overrides);

const payload = (input: HomeVisitRequestInput) => toRequestPayload(homeVisitRequestSchema.parse(input));

/** A client of its own address, so the per-IP limits of one test never touch another's. */
const anon = () => anonFrom(`127.0.${randomInt(20, 250)}.${randomInt(1, 250)}`);

async function submit(input: HomeVisitRequestInput, key = idempotencyKey(), client = anon()) {
  const result = await client.rpc('request_home_visit', { p_request: payload(input), p_idempotency_key: key });
  return {
    /** The request as received, parsed with the site's schema: read only where the call must succeed. */
    get view(): HomeVisitView {
      return answer(answerSchemas.request_home_visit, result);
    },
    refusal: refusal(result.error),
    key,
  };
}

async function requestId(code: string): Promise<number> {
  const [row] = await sql<{ id: string }>('select id from public.home_visit_requests where code = $1', [code]);
  return Number(row!.id);
}

const today = () => todayInVietnam();

let district: Client;
let commune: Client;
let elsewhere: Client;
/** A campaign of Thừa Thiên Huế (2021), whose ward Phú Hội the requests name. */
let campaignSlug: string;

beforeAll(async () => {
  campaignSlug = (await createCampaign('46')).slug;
  district = await officer('district_officer', '474');
  commune = await officer('commune_officer', '19786');
  elsewhere = await officer('district_officer', '058'); // Bắc Kạn
});

describe('requesting a visit', () => {
  test('returns a code, a status token and the request as received, with its first history entry', async () => {
    const { view, refusal } = await submit(form());
    expect(refusal).toBeNull();
    expect(view.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{9}$/);
    expect(view.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view.status).toBe('received');
    expect(view.ward).toBe('Phường Phú Hội');
    expect(view.needs).toEqual(['bedridden', 'hearing']);
    expect(view.history.map((event) => event.status)).toEqual(['received']);
    const [stored] = await sql<{ token_hash: Buffer }>('select token_hash from public.home_visit_requests where code = $1', [view.code]);
    expect(stored!.token_hash.toString('hex')).not.toContain(Buffer.from(view.token!).toString('hex'));
  });

  test('a retry with the same key returns the same receipt and records one request', async () => {
    const input = form();
    const client = anon();
    const first = await submit(input, undefined, client);
    const again = await submit(input, first.key, client);
    expect(again.view.code).toBe(first.view.code);
    expect(again.view.token).toBe(first.view.token);
    const rows = await sql('select 1 from public.home_visit_requests where requester_phone = $1', [payload(input).requester_phone]);
    expect(rows).toHaveLength(1);
  });

  test('the same key with another request is refused', async () => {
    const first = await submit(form());
    const other = await submit(form(), first.key);
    expect(other.refusal?.code).toBe('idempotency_conflict');
  });

  test('an active request for the same person in the same ward is refused; only the phone that sent it learns its code', async () => {
    const input = form();
    const first = await submit(input);
    // The same phone, the name typed in other case and spacing: the family is pointed to its request.
    const again = await submit({ ...input, full_name: `  ${input.full_name.toUpperCase()} ` });
    expect(again.refusal).toEqual({ code: 'home_visit_exists', details: { code: first.view.code } });
    // Anyone else who knows the name, date of birth and ward learns nothing about the request.
    const stranger = await submit({ ...input, requester_phone: phone() });
    expect(stranger.refusal?.code).toBe('home_visit_exists');
    expect(stranger.refusal?.details).not.toHaveProperty('code');
  });

  test.each([
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa'],
    ['Lê Thị Thuỷ', 'Lê Thị Thủy'],
    ['Trần Văn Đức', 'tran van duc'],
    ['Phạm Thị Ánh Tuyết', 'PHAM  THI ANH TUYET'],
  ])('%s and %s are the same person for the duplicate check', async (written, typed) => {
    const input = form({ full_name: written });
    const first = await submit(input);
    expect(first.refusal).toBeNull();
    const second = await submit({ ...input, full_name: typed });
    expect(second.refusal).toEqual({ code: 'home_visit_exists', details: { code: first.view.code } });
  });

  test('a scheduled visit whose date passed over a week ago lapses: a new request closes it instead of being refused', async () => {
    const input = form();
    const lapsed = (await submit(input)).view;
    const id = await requestId(lapsed.code);
    await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    // Three days past: still the family's open request.
    await sql("update public.home_visit_requests set scheduled_on = scheduled_on - 3 where id = $1", [id]);
    expect((await submit(input)).refusal?.code).toBe('home_visit_exists');
    await sql("update public.home_visit_requests set scheduled_on = scheduled_on - 5 where id = $1", [id]);
    const renewed = await submit(input);
    expect(renewed.refusal).toBeNull();
    const old = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: lapsed.code, p_token: lapsed.token! }));
    expect(old.status).toBe('could_not');
    expect(old.outcome_note).toMatch(/7/);
    expect(old.history.map((event) => event.status)).toEqual(['received', 'scheduled', 'scheduled', 'scheduled', 'could_not']);
  });

  test('the same person may ask again once the first request is cancelled', async () => {
    const input = form();
    const first = await submit(input);
    await anon().rpc('cancel_home_visit', { p_code: first.view.code, p_token: first.view.token! });
    const second = await submit({ ...input, requester_phone: phone() });
    expect(second.refusal).toBeNull();
  });

  test('the partial unique index holds when two requests for one person arrive at once', async () => {
    const input = form();
    const results = await Promise.all([0, 1, 2].map(() => submit({ ...input, requester_phone: phone() })));
    expect(results.filter((result) => result.refusal === null)).toHaveLength(1);
    expect(results.filter((result) => result.refusal?.code === 'home_visit_exists')).toHaveLength(2);
  });

  test('refuses bad input with a stable code: no consent, a bad phone, an unknown ward, other without a reason', async () => {
    const client = anon();
    // A new phone each time: six calls from one phone would meet its rate limit first.
    const call = (request: Record<string, unknown>) =>
      client.rpc('request_home_visit', { p_request: { requester_phone: phone(), ...request } as never, p_idempotency_key: idempotencyKey() }).then(({ error }) => refusal(error)?.code);
    const { requester_phone: _phone, ...good } = payload(form());
    expect(await call({ ...good, consent: null })).toBe('consent_required');
    expect(await call({ ...good, requester_phone: '12345' })).toBe('invalid_phone');
    expect(await call({ ...good, ward: '99999' })).toBe('invalid_argument');
    expect(await call({ ...good, reason: 'other', reason_other: null })).toBe('invalid_argument');
    expect(await call({ ...good, needs: ['ethnic_language'], ethnic_language: null })).toBe('invalid_argument');
    expect(await call({ ...good, preferred_days: [] })).toBe('invalid_argument');
    expect(await call({ ...good, lat: 48.85, lng: 2.35 })).toBe('invalid_argument');
  });

  test('a phone asking more than five times a day is rate limited', async () => {
    const number = phone();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) codes.push((await submit(form({ requester_phone: number }))).refusal?.code);
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes[5]).toBe('rate_limited');
  });

  test('refused calls count towards the phone’s limit: after five refusals a valid request is rate limited', async () => {
    const number = phone();
    const client = anon();
    for (let i = 0; i < 5; i++) {
      const { error } = await client.rpc('request_home_visit', { p_request: { ...payload(form({ requester_phone: number })), consent: null }, p_idempotency_key: idempotencyKey() });
      expect(refusal(error)?.code).toBe('consent_required');
    }
    expect((await submit(form({ requester_phone: number }), undefined, client)).refusal?.code).toBe('rate_limited');
  });

  test('records its campaign and the consent text agreed to', async () => {
    const { view } = await submit(form());
    const rows = await sql('select c.slug, r.consent_text_id from public.home_visit_requests r join public.campaigns c on c.id = r.campaign_id where r.code = $1', [view.code]);
    expect(rows).toEqual([{ slug: campaignSlug, consent_text_id: consentInForce }]);
  });

  test('is refused a consent text not in force today, with the one that is', async () => {
    const outdated = consentTexts.find((text) => text.id !== consentInForce)!.id;
    expect((await submit(form({ consent: outdated }))).refusal).toEqual({ code: 'consent_outdated', details: { in_force: consentInForce } });
  });

  test('names a ward of its campaign’s set and province, and a campaign that exists', async () => {
    const bacKan = await createCampaign('06');
    // Phú Hội is a ward of Thừa Thiên Huế, not of Bắc Kạn.
    expect((await submit(form({ campaign: bacKan.slug }))).refusal).toEqual({ code: 'ward_outside_campaign', details: { field: 'ward' } });
    expect((await submit(form({ ward: '99999' }))).refusal).toEqual({ code: 'invalid_argument', details: { field: 'ward' } });
    const [bacKanWard] = await sql<{ code: string }>(
      `select w.code from public.admin_units w join public.admin_units d on d.id = w.parent_id join public.admin_units p on p.id = d.parent_id
       where p.unit_set = '2021' and p.code = '06' order by w.code limit 1`,
    );
    expect((await submit(form({ campaign: bacKan.slug, ward: bacKanWard!.code }))).refusal).toBeNull();
    expect((await submit(form({ campaign: 'no-such-campaign' }))).refusal?.code).toBe('campaign_not_found');
  });

  test('keeps its ward in its campaign whatever writes it: the table refuses another province\'s campaign, answered unit_not_in_campaign', async () => {
    const { view } = await submit(form());
    const bacKan = await createCampaign('06');
    const refused = await sql('update public.home_visit_requests set campaign_id = $1 where code = $2', [bacKan.id, view.code]).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: '23514', constraint: 'home_visit_requests_unit_in_campaign' });
    const [mapped] = await sql('select code from private.constraint_refusals where constraint_name = $1', [(refused as { constraint: string }).constraint]);
    expect(mapped).toEqual({ code: 'unit_not_in_campaign' });
  });
});

describe('the status token', () => {
  let view: HomeVisitView;
  beforeAll(async () => {
    view = (await submit(form())).view;
  });

  test('opens the request with its code', async () => {
    const status = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: view.code, p_token: view.token! }));
    expect(status.code).toBe(view.code);
    expect(status.token).toBeNull();
  });

  test('a wrong token and a wrong code get the same answer and nothing else', async () => {
    const wrongToken = await anon().rpc('home_visit_status', { p_code: view.code, p_token: randomBytes(32).toString('base64url') });
    const other = (await submit(form())).view;
    const wrongCode = await anon().rpc('home_visit_status', { p_code: other.code, p_token: view.token! });
    expect(wrongToken.data).toBeNull();
    expect(refusal(wrongToken.error)?.code).toBe('not_found');
    expect(refusal(wrongCode.error)?.code).toBe('not_found');
    const cancel = await anon().rpc('cancel_home_visit', { p_code: other.code, p_token: view.token! });
    expect(refusal(cancel.error)?.code).toBe('not_found');
  });

  test('changes the preferred times while received', async () => {
    const changed = answer(
      answerSchemas.change_home_visit,
      await anon().rpc('change_home_visit', { p_code: view.code, p_token: view.token!, p_preferred_days: [6, 7, 6], p_preferred_periods: ['afternoon'] }),
    );
    expect(changed.preferred_days).toEqual([6, 7]);
    expect(changed.preferred_periods).toEqual(['afternoon']);
    // The history says when the times changed, and to what.
    expect(changed.history.map((event) => [event.status, event.preferred_days, event.preferred_periods])).toEqual([
      ['received', null, null],
      ['received', [6, 7], ['afternoon']],
    ]);
  });
});

describe('row level security', () => {
  test('anonymous callers read neither the requests nor their history', async () => {
    await submit(form());
    const requests = await anon().from('home_visit_requests').select('id');
    const events = await anon().from('home_visit_events').select('id');
    expect(requests).toMatchObject({ data: null, error: { code: '42501' } });
    expect(events).toMatchObject({ data: null, error: { code: '42501' } });
  });

  test('a signed-in citizen reads no request', async () => {
    const { view } = await submit(form());
    const citizen = (await signedInUser()).client;
    const { data, error } = await citizen.from('home_visit_requests').select('id').eq('code', view.code);
    expect({ data, error }).toEqual({ data: [], error: null });
  });

  test('officers of the ward’s scope read the request and its history; an officer of another unit sees nothing', async () => {
    const { view } = await submit(form());
    for (const [client, count] of [[district, 1], [commune, 1], [elsewhere, 0]] as const) {
      const { data, error } = await client.from('home_visit_requests').select('id, full_name, home_visit_events(status)').eq('code', view.code);
      expect(error).toBeNull();
      expect(data).toHaveLength(count);
    }
    const id = await requestId(view.code);
    const { data: events } = await elsewhere.from('home_visit_events').select('id').eq('request_id', id);
    expect(events).toEqual([]);
  });

  test('officers cannot read the token or idempotency hashes', async () => {
    const { error } = await commune.from('home_visit_requests').select('token_hash').limit(1);
    expect(error?.code).toBe('42501');
  });

  test('officers cannot update a request directly, even in their scope', async () => {
    const { view } = await submit(form());
    await commune.from('home_visit_requests').update({ status: 'done' } as never).eq('code', view.code);
    const [row] = await sql<{ status: string }>('select status from public.home_visit_requests where code = $1', [view.code]);
    expect(row!.status).toBe('received');
  });
});

describe('status changes', () => {
  test('an officer schedules, reschedules and marks done; the requester sees each step with its time', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    const scheduled = await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '08:30', p_to: '10:00', p_team_contact: 'Đại úy Lê Văn An, 0905 123 456' });
    expect(answer(answerSchemas.staff_schedule_home_visit, scheduled)).toEqual({ ok: true, id, status: 'scheduled' });
    const moved = await district.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '14:00', p_to: '15:30', p_team_contact: 'Đại úy Lê Văn An, 0905 123 456' });
    expect(answer(answerSchemas.staff_schedule_home_visit, moved).status).toBe('scheduled');
    const done = await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'done', p_note: '' });
    expect(answer(answerSchemas.staff_close_home_visit, done)).toEqual({ ok: true, id, status: 'done' });
    const status = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: view.code, p_token: view.token! }));
    expect(status.status).toBe('done');
    expect([status.scheduled_from, status.scheduled_to]).toEqual(['14:00', '15:30']);
    expect(status.history.map((event) => [event.status, event.scheduled_from])).toEqual([
      ['received', null], ['scheduled', '08:30'], ['scheduled', '14:00'], ['done', '14:00'],
    ]);
    expect(status.history.every((event) => !Number.isNaN(Date.parse(event.at)))).toBe(true);
  });

  test('could-not needs a reason, which the requester sees', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    const bare = await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'could_not', p_note: ' ' });
    expect(refusal(bare.error)).toEqual({ code: 'invalid_argument', details: { field: 'note' } });
    await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'could_not', p_note: 'Gia đình đã đưa cụ vào viện' });
    const status = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: view.code, p_token: view.token! }));
    expect(status.outcome_note).toBe('Gia đình đã đưa cụ vào viện');
  });

  test('refuses done before scheduling, and any change of a closed request', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    const early = await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'done', p_note: '' });
    expect(refusal(early.error)).toEqual({ code: 'invalid_transition', details: { from: 'received', to: 'done' } });
    await anon().rpc('cancel_home_visit', { p_code: view.code, p_token: view.token! });
    const late = await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    expect(refusal(late.error)).toEqual({ code: 'invalid_transition', details: { from: 'cancelled', to: 'scheduled' } });
  });

  test.each(['done', 'could_not'] as const)('a request closed as %s cannot be closed again: its note and history stay', async (closedAs) => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    expect((await commune.rpc('staff_close_home_visit', { p_id: id, p_status: closedAs, p_note: 'Ghi chú đầu tiên' })).error).toBeNull();
    const again = await commune.rpc('staff_close_home_visit', { p_id: id, p_status: closedAs, p_note: 'Ghi chú khác' });
    expect(refusal(again.error)).toEqual({ code: 'invalid_transition', details: { from: closedAs, to: closedAs } });
    await expect(sql("update public.home_visit_requests set outcome_note = 'Sửa trực tiếp' where id = $1", [id])).rejects.toThrow(/invalid_transition/);
    const status = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: view.code, p_token: view.token! }));
    expect(status.outcome_note).toBe('Ghi chú đầu tiên');
    expect(status.history.map((event) => event.status)).toEqual(['received', 'scheduled', closedAs]);
  });

  test('refuses done for a visit scheduled on a later date', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    const tomorrow = addDays(todayInVietnam(), 1);
    await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: tomorrow, p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    const done = await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'done', p_note: '' });
    expect(refusal(done.error)?.code).toBe('invalid_transition');
  });

  test('a direct UPDATE cannot skip a step or reopen a closed request', async () => {
    const { view } = await submit(form());
    await expect(sql("update public.home_visit_requests set status = 'done' where code = $1", [view.code])).rejects.toThrow(/invalid_transition/);
    await sql("update public.home_visit_requests set status = 'cancelled' where code = $1", [view.code]);
    await expect(sql("update public.home_visit_requests set status = 'received' where code = $1", [view.code])).rejects.toThrow(/invalid_transition/);
    await expect(sql("update public.home_visit_requests set preferred_days = '{1}' where code = $1", [view.code])).rejects.toThrow(/invalid_transition/);
  });

  test('the requester can neither change nor cancel a scheduled visit', async () => {
    const { view } = await submit(form());
    await commune.rpc('staff_schedule_home_visit', { p_id: await requestId(view.code), p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    const change = await anon().rpc('change_home_visit', { p_code: view.code, p_token: view.token!, p_preferred_days: [1], p_preferred_periods: ['morning'] });
    const cancel = await anon().rpc('cancel_home_visit', { p_code: view.code, p_token: view.token! });
    expect(refusal(change.error)).toEqual({ code: 'home_visit_not_open', details: { status: 'scheduled' } });
    expect(refusal(cancel.error)).toEqual({ code: 'home_visit_not_open', details: { status: 'scheduled' } });
  });

  test('an officer of another unit gets not_found, a citizen not_allowed', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    const args = { p_id: id, p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' };
    expect(refusal((await elsewhere.rpc('staff_schedule_home_visit', args)).error)?.code).toBe('not_found');
    const citizen = (await signedInUser()).client;
    expect(refusal((await citizen.rpc('staff_schedule_home_visit', args)).error)?.code).toBe('not_allowed');
    expect(refusal((await anon().rpc('staff_schedule_home_visit', args)).error)?.code).toBe('42501');
  });
});

describe('audit', () => {
  test('every staff change is in the audit log under the ward, readable by the officers of its scope', async () => {
    const { view } = await submit(form());
    const id = await requestId(view.code);
    await commune.rpc('staff_schedule_home_visit', { p_id: id, p_date: today(), p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' });
    await commune.rpc('staff_close_home_visit', { p_id: id, p_status: 'done', p_note: 'Đã lấy vân tay, chụp ảnh' });
    const rows = await sql<{ action: string; status: string; unit: string }>(
      `select a.action, a.after ->> 'status' as status, u.code as unit from public.audit_log a join public.admin_units u on u.id = a.unit_id
       where a.table_name = 'home_visit_requests' and a.row_id = $1 order by a.id`,
      [String(id)],
    );
    expect(rows).toEqual([
      { action: 'update', status: 'scheduled', unit: '19786' },
      { action: 'update', status: 'done', unit: '19786' },
    ]);
    const { data } = await district.from('audit_log').select('id').eq('table_name', 'home_visit_requests').eq('row_id', String(id));
    expect(data).toHaveLength(2);
    const { data: none } = await elsewhere.from('audit_log').select('id').eq('table_name', 'home_visit_requests').eq('row_id', String(id));
    expect(none).toEqual([]);
  });

  test('the citizen’s own request and cancel are not staff changes', async () => {
    const { view } = await submit(form());
    await anon().rpc('cancel_home_visit', { p_code: view.code, p_token: view.token! });
    const rows = await sql("select 1 from public.audit_log where table_name = 'home_visit_requests' and row_id = $1", [String(await requestId(view.code))]);
    expect(rows).toEqual([]);
  });
});

describe('retention', () => {
  /**
   * Ages requests as time would. The transition trigger sets updated_at and keeps a closed request
   * as it is, so it is off for this one statement list, which Postgres runs as one transaction.
   * Codes are [0-9A-Z] only, so they are safe inline.
   */
  async function lastChangedDaysAgo(codes: string[], days: number) {
    await sql(`alter table public.home_visit_requests disable trigger home_visit_requests_transition;
      update public.home_visit_requests set updated_at = now() - interval '${days} days' where code = any('{${codes.join(',')}}');
      alter table public.home_visit_requests enable trigger home_visit_requests_transition;`);
  }

  test('the daily purge clears the personal data of requests closed long ago, and only of those', async () => {
    const closed = (await submit(form({ reason: 'other', reason_other: 'Vừa mổ xong', needs: ['ethnic_language'], ethnic_language: 'Tày' }))).view;
    const open = (await submit(form())).view;
    const recent = (await submit(form())).view;
    const cancelled = answer(answerSchemas.cancel_home_visit, await anon().rpc('cancel_home_visit', { p_code: closed.code, p_token: closed.token! }));
    expect(cancelled).toMatchObject({ code: closed.code, status: 'cancelled', token: null });
    await anon().rpc('cancel_home_visit', { p_code: recent.code, p_token: recent.token! });
    await lastChangedDaysAgo([closed.code, open.code], 40);
    const purged = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
    expect(purged.home_visits).toBeGreaterThanOrEqual(1);
    const rows = await sql<{ code: string; full_name: string | null; requester_phone: string | null; status: string; purged: boolean }>(
      'select code, full_name, requester_phone, status, purged_at is not null as purged from public.home_visit_requests where code = any($1)',
      [[closed.code, open.code, recent.code]],
    );
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(byCode[closed.code]).toMatchObject({ full_name: null, requester_phone: null, status: 'cancelled', purged: true });
    expect(byCode[open.code]).toMatchObject({ full_name: open.full_name, purged: false });
    expect(byCode[recent.code]).toMatchObject({ full_name: recent.full_name, purged: false });
    // A purged request stays closed: no officer can close it again or write a note on it.
    const closedId = await requestId(closed.code);
    const late = await commune.rpc('staff_close_home_visit', { p_id: closedId, p_status: 'could_not', p_note: 'Ghi chú muộn' });
    expect(refusal(late.error)?.code).toBe('invalid_transition');
    await expect(sql("update public.home_visit_requests set outcome_note = 'Ghi chú muộn' where id = $1", [closedId])).rejects.toThrow(/invalid_transition/);
    // The purged request's answer still has its declared shape, with the personal fields null.
    const view = answer(answerSchemas.home_visit_status, await anon().rpc('home_visit_status', { p_code: closed.code, p_token: closed.token! }));
    expect(view).toMatchObject({ purged: true, full_name: null, street_address: null, requester_name: null, phone_masked: null, status: 'cancelled' });
  });

  test('a request still open a year after it was sent is closed as could-not and cleared', async () => {
    const forgotten = (await submit(form())).view;
    const young = (await submit(form())).view;
    await sql("update public.home_visit_requests set created_at = now() - interval '400 days' where code = $1", [forgotten.code]);
    await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 });
    const rows = await sql<{ code: string; status: string; full_name: string | null; purged: boolean }>(
      'select code, status, full_name, purged_at is not null as purged from public.home_visit_requests where code = any($1)',
      [[forgotten.code, young.code]],
    );
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(byCode[forgotten.code]).toMatchObject({ status: 'could_not', full_name: null, purged: true });
    expect(byCode[young.code]).toMatchObject({ status: 'received', purged: false });
  });
});
