// The planner's tables and functions (supabase/schemas/18_campaign_planner.sql): the setup and the
// draft round-trip through staff_planner; publishing makes exactly the draft's sessions and shifts
// (counted by SQL), all or nothing, audited, never within the 15-day notice; only the province
// administrator of the campaign writes, officers of the province read, citizens see nothing.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { NOTICE_DAYS } from '../../src/domain/planner/rules.ts';
import {
  plannerAnswerSchema, publishedPlanSchema, savedPlanSchema, savedPlanSetupSchema,
  type PlanSetupPayload, type StoredSession,
} from '../../src/domain/planner-store.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { answer } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { anonClient, officer } from './support/clients.ts';
import { createCampaign, createSession, placeIn, sql, type Place } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

const today = todayInVietnam();
const people = {} as Record<'admin' | 'district' | 'commune' | 'otherAdmin' | 'admin2025', Client>;

const planner = (client: Client, campaignId: number) => client.rpc('staff_planner', { p_campaign_id: campaignId });
const saveSetup = (client: Client, campaignId: number, setup: PlanSetupPayload | object) =>
  client.rpc('staff_save_plan_setup', { p_campaign_id: campaignId, p_setup: setup as never });
const savePlan = (client: Client, campaignId: number, sessions: StoredSession[] | object[]) =>
  client.rpc('staff_save_plan', { p_campaign_id: campaignId, p_sessions: sessions as never });
const publish = (client: Client, campaignId: number) => client.rpc('staff_publish_plan', { p_campaign_id: campaignId });

/** A site without sessions at the place. */
async function newSite(place: Place, kind = 'commune_hall'): Promise<number> {
  const [row] = await sql<{ id: string }>(
    `insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
     select id, $2, 'Điểm kế hoạch ' || substr(md5(random()::text), 1, 6), 'Số 2 đường Thử', $3, $4
     from public.admin_units where unit_set = '2021' and code = $1 returning id`,
    [place.wardCode, kind, place.lat, place.lng],
  );
  return Number(row!.id);
}

const setup = (sites: PlanSetupPayload['sites'], place: Place): PlanSetupPayload => ({
  team_shifts_per_day: 1,
  days_off: [],
  machines: [{ label: 'Máy 1' }, { label: 'Máy 2' }],
  teams: [
    { name: 'Tổ 1', base_name: 'Công an phường thử', base_lat: place.lat, base_lng: place.lng, places_per_shift: 80, days_off: [] },
    { name: 'Tổ 2', base_name: 'Công an phường thử', base_lat: place.lat, base_lng: place.lng, places_per_shift: 80, days_off: [] },
    { name: 'Tổ 3', base_name: 'Công an phường thử', base_lat: place.lat, base_lng: place.lng, places_per_shift: 80, days_off: [] },
  ],
  sites,
});

/** Sessions and shifts of a campaign, by SQL. */
async function counts(campaignId: number): Promise<{ sessions: number; shifts: number }> {
  const [row] = await sql<{ sessions: string; shifts: string }>(
    `select count(distinct s.id) as sessions, count(sh.id) as shifts
     from public.intake_sessions s left join public.shifts sh on sh.session_id = s.id where s.campaign_id = $1`,
    [campaignId],
  );
  return { sessions: Number(row!.sessions), shifts: Number(row!.shifts) };
}

/** A fresh 2021 Thừa Thiên Huế campaign, its setup saved, with two sites of Thành phố Huế. */
async function campaignWithSetup() {
  const campaign = await createCampaign('46');
  const place = await placeIn('474', 0, 3);
  const sites = [await newSite(place), await newSite(await placeIn('474', 1, 4))];
  const ids = answer(savedPlanSetupSchema, await saveSetup(people.admin, campaign.id, setup(sites.map((site_id) => ({ site_id, places: [60, 60, 40] as [number, number, number] })), place)));
  return { campaign, sites, machines: ids.machine_ids, teams: ids.team_ids, place };
}

const session = (date: string, site_id: number, machine_id: number, teams: number[], places = 50): StoredSession => ({
  date,
  site_id,
  machine_id,
  locked: false,
  shifts: teams.map((team_id, index) => ({ shift: (index + 1) as 1 | 2 | 3, team_id, places })),
});

beforeAll(async () => {
  people.admin = await officer('province_admin', '46');
  people.district = await officer('district_officer', '474');
  people.commune = await officer('commune_officer', '19786');
  people.otherAdmin = await officer('province_admin', '06');
  people.admin2025 = await officer('province_admin', '46', '2025');
});

describe('the setup', () => {
  test('round-trips through staff_planner: machines, teams, places per site, settings; unset sites take the shift plan', async () => {
    const { campaign, sites, machines, teams, place } = await campaignWithSetup();
    const read = answer(plannerAnswerSchema, await planner(people.admin, campaign.id));
    expect(read.machines).toEqual([{ id: machines[0], label: 'Máy 1' }, { id: machines[1], label: 'Máy 2' }]);
    expect(read.teams.map((team) => [team.id, team.name, team.places_per_shift])).toEqual([[teams[0], 'Tổ 1', 80], [teams[1], 'Tổ 2', 80], [teams[2], 'Tổ 3', 80]]);
    expect(read.teams[0]).toMatchObject({ base_lat: place.lat, base_lng: place.lng, days_off: [] });
    const mine = read.sites.filter((site) => sites.includes(site.id));
    expect(mine.map((site) => [site.places, site.configured, site.unit_code])).toEqual([[[60, 60, 40], true, '474'], [[60, 60, 40], true, '474']]);
    // Every other site of the province takes the campaign's default shift plan: 07–12, 12–17, 17–22, 60 places each.
    expect(read.sites.find((site) => !site.configured)?.places).toEqual([60, 60, 60]);
    // The units are the districts (where the 2021 quotas are kept), and every site counts under one of them.
    const unitCodes = read.units.map((unit) => unit.code);
    expect(read.sites.every((site) => unitCodes.includes(site.unit_code))).toBe(true);
    expect(read.units.every((unit) => unit.level === 2)).toBe(true);
    expect(read.settings).toEqual({ team_shifts_per_day: 1, days_off: [] });

    // Edited: a machine renamed, a team removed (its draft shift loses it), a site back to the plan's places, a school's list and dates.
    const date = addDays(today, NOTICE_DAYS + 2);
    answer(savedPlanSchema, await savePlan(people.admin, campaign.id, [session(date, sites[0]!, machines[1]!, [teams[0]!, teams[1]!])]));
    const edited = setup([{ site_id: sites[1]!, places: [100, 80, 0], people: 450, dates: [date] }], place);
    edited.team_shifts_per_day = 2;
    edited.days_off = [addDays(today, 20)];
    edited.machines = [{ id: machines[1]!, label: 'Máy 1' }];
    edited.teams = [{ ...edited.teams[0]!, id: teams[0]!, days_off: [addDays(today, 18)] }];
    const saved = answer(savedPlanSetupSchema, await saveSetup(people.admin, campaign.id, edited));
    expect(saved).toEqual({ ok: true, machine_ids: [machines[1]], team_ids: [teams[0]] });
    const again = answer(plannerAnswerSchema, await planner(people.admin, campaign.id));
    expect(again.machines).toEqual([{ id: machines[1], label: 'Máy 1' }]);
    expect(again.teams.map((team) => [team.id, team.days_off])).toEqual([[teams[0], [addDays(today, 18)]]]);
    expect(again.settings).toEqual({ team_shifts_per_day: 2, days_off: [addDays(today, 20)] });
    expect(again.sites.find((site) => site.id === sites[0])).toMatchObject({ places: [60, 60, 60], configured: false, people: null, dates: null });
    expect(again.sites.find((site) => site.id === sites[1])).toMatchObject({ places: [100, 80, 0], configured: true, people: 450, dates: [date] });
    expect(again.draft).toEqual([{ ...session(date, sites[0]!, machines[1]!, [teams[0]!, teams[1]!]), shifts: [{ shift: 1, team_id: teams[0], places: 50 }, { shift: 2, team_id: null, places: 50 }] }]);
  });

  test('refuses each bad field by name and row, and saves nothing then', async () => {
    const { campaign, sites, place } = await campaignWithSetup();
    const good = setup([{ site_id: sites[0]!, places: [60, 60, 40] }], place);
    const refused = async (patch: Partial<PlanSetupPayload> | object) => refusal((await saveSetup(people.admin, campaign.id, { ...good, ...patch })).error);
    expect(await refused({ team_shifts_per_day: 4 })).toEqual({ code: 'invalid_argument', details: { field: 'team_shifts_per_day' } });
    expect(await refused({ days_off: ['2026-02-30'] })).toEqual({ code: 'invalid_argument', details: { field: 'days_off' } });
    expect(await refused({ machines: [{ label: 'A' }, { label: 'A' }] })).toEqual({ code: 'invalid_argument', details: { field: 'machines.label', index: 1 } });
    expect(await refused({ machines: [{ label: '' }] })).toEqual({ code: 'invalid_argument', details: { field: 'machines.label', index: 0 } });
    expect(await refused({ teams: [good.teams[0], { ...good.teams[1], base_lat: 30 }] })).toEqual({ code: 'invalid_argument', details: { field: 'teams.base_lat', index: 1 } });
    expect(await refused({ teams: [{ ...good.teams[0], places_per_shift: 0 }] })).toEqual({ code: 'invalid_argument', details: { field: 'teams.places_per_shift', index: 0 } });
    expect(await refused({ sites: [{ site_id: sites[0], places: [60, 60] }] })).toEqual({ code: 'invalid_argument', details: { field: 'sites.places', index: 0 } });
    expect(await refused({ sites: [{ site_id: sites[0], places: [60, 60, 40], people: -1 }] })).toEqual({ code: 'invalid_argument', details: { field: 'sites.people', index: 0 } });
    expect(await refused({ sites: [{ site_id: sites[0], places: [60, 60, 40], dates: [addDays(today, 400)] }] })).toEqual({ code: 'invalid_argument', details: { field: 'sites.dates', index: 0 } });
    const bacKanSite = await newSite(await placeIn('058'));
    expect(await refused({ sites: [{ site_id: bacKanSite, places: [60, 60, 40] }] })).toEqual({ code: 'not_found', details: { field: 'sites.site_id', index: 0 } });
    const other = await campaignWithSetup();
    expect(await refused({ machines: [{ id: other.machines[0], label: 'X' }] })).toEqual({ code: 'not_found', details: { field: 'machines.id', index: 0 } });
    const read = answer(plannerAnswerSchema, await planner(people.admin, campaign.id));
    expect(read.machines.map((machine) => machine.label)).toEqual(['Máy 1', 'Máy 2']);
    expect(read.settings.team_shifts_per_day).toBe(1);
  });
});

describe('the survey’s people to take in', () => {
  test('staff_save_unit_quotas saves it beside the quota, keeps it when absent, clears it with null, and refuses a negative or broken one', async () => {
    const campaign = await createCampaign('46');
    const save = (rows: object[]) => people.admin.rpc('staff_save_unit_quotas', { p_campaign_id: campaign.id, p_rows: rows as never });
    const saved = await save([{ line: 1, code: '474', quota: '20000', people: 23000 }, { line: 2, code: '476', quota: '5000', people: '6100' }]);
    expect(saved.error).toBeNull();
    const peopleOf = async () => Object.fromEntries(answer(plannerAnswerSchema, await planner(people.admin, campaign.id)).units.filter((unit) => unit.quota !== null).map((unit) => [unit.code, [unit.quota, unit.people]]));
    expect(await peopleOf()).toEqual({ 474: [20000, 23000], 476: [5000, 6100] });
    await save([{ line: 1, code: '474', quota: '21000' }, { line: 2, code: '476', quota: '5000', people: null }]);
    expect(await peopleOf()).toEqual({ 474: [21000, 23000], 476: [5000, null] });
    const report = await save([{ line: 1, code: '474', quota: '21000', people: -5 }, { line: 2, code: '476', quota: '5000', people: 1.5 }, { line: 3, code: '477', quota: '3000', people: '1.200' }]);
    expect(report.data).toMatchObject({ saved: 0, refused: [{ line: 1, reason: 'negative' }, { line: 2, reason: 'not_a_number' }, { line: 3, reason: 'not_a_number' }] });
    expect(await peopleOf()).toEqual({ 474: [21000, 23000], 476: [5000, null] });
    const [column] = await sql<{ people_to_take_in: number }>(
      "select q.people_to_take_in from public.unit_quotas q join public.admin_units u on u.id = q.unit_id where q.campaign_id = $1 and u.code = '474'",
      [campaign.id],
    );
    expect(column!.people_to_take_in).toBe(23000);
  });
});

describe('publishing a plan', () => {
  test('makes exactly the draft’s sessions and shifts, published, at the planner shifts’ hours, linked and audited', async () => {
    const { campaign, sites, machines, teams } = await campaignWithSetup();
    const first = addDays(today, NOTICE_DAYS);
    const draft = [
      session(first, sites[0]!, machines[0]!, [teams[0]!, teams[1]!, teams[2]!], 40),
      session(addDays(first, 1), sites[0]!, machines[0]!, [teams[0]!], 60),
      session(addDays(first, 1), sites[1]!, machines[1]!, [teams[1]!, teams[2]!], 55),
    ];
    expect(answer(savedPlanSchema, await savePlan(people.admin, campaign.id, draft))).toEqual({ ok: true, saved: 3 });
    const before = await counts(campaign.id);
    const [{ audit_before } = { audit_before: '0' }] = await sql<{ audit_before: string }>('select max(id) as audit_before from public.audit_log');

    const published = answer(publishedPlanSchema, await publish(people.admin, campaign.id));
    expect(published).toMatchObject({ published: 3, first_date: first, last_date: addDays(first, 1) });
    expect(await counts(campaign.id)).toEqual({ sessions: before.sessions + 3, shifts: before.shifts + 6 });
    const made = await sql<{ site_id: string; session_date: string; published: boolean; hours: string[]; capacities: number[] }>(
      `select s.site_id, to_char(s.session_date, 'YYYY-MM-DD') as session_date, s.published,
              array_agg(to_char(sh.starts_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') || '-' || to_char(sh.ends_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') order by sh.starts_at) as hours,
              array_agg(sh.capacity order by sh.starts_at) as capacities
       from public.intake_sessions s join public.shifts sh on sh.session_id = s.id
       where s.id = any($1::bigint[]) group by s.id order by s.session_date, s.site_id`,
      [published.sessions],
    );
    expect(made).toEqual([
      { site_id: String(sites[0]), session_date: first, published: true, hours: ['07:00-12:00', '12:00-17:00', '17:00-22:00'], capacities: [40, 40, 40] },
      { site_id: String(sites[0]), session_date: addDays(first, 1), published: true, hours: ['07:00-12:00'], capacities: [60] },
      { site_id: String(sites[1]), session_date: addDays(first, 1), published: true, hours: ['07:00-12:00', '12:00-17:00'], capacities: [55, 55] },
    ]);

    // Audited: each session inserted and published, each shift inserted, and the publish itself under the province.
    const audit = await sql<{ table_name: string; action: string; n: string }>(
      `select table_name, action, count(*) as n from public.audit_log where id > $1
         and (row_id = any($2::text[]) or table_name in ('shifts', 'plan_publications'))
       group by 1, 2 order by 1, 2`,
      [audit_before ?? 0, published.sessions.map(String)],
    );
    expect(audit).toEqual([
      { table_name: 'intake_sessions', action: 'insert', n: '3' },
      { table_name: 'intake_sessions', action: 'update', n: '3' },
      { table_name: 'plan_publications', action: 'insert', n: '1' },
      { table_name: 'shifts', action: 'insert', n: '6' },
    ]);
    const [publication] = await sql<{ unit_id: number; province_id: number }>(
      `select a.unit_id, c.province_id from public.audit_log a join public.campaigns c on c.id = $2
       where a.id > $1 and a.table_name = 'plan_publications'`,
      [audit_before ?? 0, campaign.id],
    );
    expect(publication!.unit_id).toBe(publication!.province_id);

    // The planner now reads them as published, with the plan's machine and teams, and no draft.
    const read = answer(plannerAnswerSchema, await planner(people.admin, campaign.id));
    expect(read.draft).toEqual([]);
    expect(read.published.filter((row) => published.sessions.includes(row.session_id)).map((row) => [row.date, row.site_id, row.machine_id, row.shifts]))
      .toEqual([
        [first, sites[0], machines[0], [40, 40, 40].map((places, index) => ({ shift: index + 1, places, booked: 0, team_id: teams[index] }))],
        [addDays(first, 1), sites[0], machines[0], [{ shift: 1, places: 60, booked: 0, team_id: teams[0] }]],
        [addDays(first, 1), sites[1], machines[1], [{ shift: 1, places: 55, booked: 0, team_id: teams[1] }, { shift: 2, places: 55, booked: 0, team_id: teams[2] }]],
      ]);
    // A second publish has nothing left to make.
    expect(answer(publishedPlanSchema, await publish(people.admin, campaign.id))).toEqual({ ok: true, published: 0, sessions: [], first_date: null, last_date: null });
    // A draft on a published site and day is refused.
    expect(refusal((await savePlan(people.admin, campaign.id, [draft[0]!])).error)).toEqual({ code: 'session_exists', details: { index: 0 } });
  });

  test('is all or nothing: a site that already has a session that day undoes every session made before it', async () => {
    const { campaign, sites, machines, teams } = await campaignWithSetup();
    const busyDay = NOTICE_DAYS + 3;
    const existing = await createSession({ campaignId: campaign.id, place: await placeIn('474', 2, 5), inDays: busyDay, published: false });
    const draft = [
      session(addDays(today, NOTICE_DAYS + 1), sites[0]!, machines[0]!, [teams[0]!]),
      session(addDays(today, NOTICE_DAYS + 2), sites[1]!, machines[0]!, [teams[0]!]),
      session(addDays(today, busyDay), existing.siteId, machines[1]!, [teams[1]!]),
    ];
    answer(savedPlanSchema, await savePlan(people.admin, campaign.id, draft));
    const before = await counts(campaign.id);
    const [{ audit_before } = { audit_before: '0' }] = await sql<{ audit_before: string }>('select max(id) as audit_before from public.audit_log');
    expect(refusal((await publish(people.admin, campaign.id)).error)).toEqual({
      code: 'session_exists', details: { date: addDays(today, busyDay), site_id: existing.siteId },
    });
    expect(await counts(campaign.id)).toEqual(before);
    expect(await sql('select id from public.planned_sessions where campaign_id = $1 and session_id is not null', [campaign.id])).toEqual([]);
    expect(await sql("select id from public.audit_log where id > $1 and table_name in ('intake_sessions', 'shifts', 'plan_publications')", [audit_before])).toEqual([]);
  });

  test('refuses a session within the 15-day notice, naming its first date, and makes nothing', async () => {
    const { campaign, sites, machines, teams } = await campaignWithSetup();
    const within = addDays(today, NOTICE_DAYS - 1);
    answer(savedPlanSchema, await savePlan(people.admin, campaign.id, [
      session(addDays(today, NOTICE_DAYS + 1), sites[0]!, machines[0]!, [teams[0]!]),
      session(within, sites[1]!, machines[1]!, [teams[1]!]),
    ]));
    const before = await counts(campaign.id);
    expect(refusal((await publish(people.admin, campaign.id)).error)).toEqual({ code: 'plan_within_notice', details: { date: within } });
    expect(await counts(campaign.id)).toEqual(before);
  });
});

describe('the draft', () => {
  test('replaces the saved draft, and refuses each bad session by field and index', async () => {
    const { campaign, sites, machines, teams } = await campaignWithSetup();
    const date = addDays(today, NOTICE_DAYS + 1);
    answer(savedPlanSchema, await savePlan(people.admin, campaign.id, [session(date, sites[0]!, machines[0]!, [teams[0]!]), session(date, sites[1]!, machines[1]!, [teams[1]!])]));
    const locked = { ...session(addDays(date, 1), sites[1]!, machines[1]!, [teams[1]!]), locked: true };
    answer(savedPlanSchema, await savePlan(people.admin, campaign.id, [locked]));
    expect(answer(plannerAnswerSchema, await planner(people.admin, campaign.id)).draft).toEqual([locked]);

    const refused = async (bad: object) => refusal((await savePlan(people.admin, campaign.id, [locked, bad])).error);
    const good = session(date, sites[0]!, machines[0]!, [teams[0]!]);
    const other = await campaignWithSetup();
    expect(await refused({ ...good, date: addDays(today, 400) })).toEqual({ code: 'invalid_argument', details: { field: 'sessions.date', index: 1 } });
    expect(await refused({ ...good, site_id: await newSite(await placeIn('058')) })).toEqual({ code: 'not_found', details: { field: 'sessions.site_id', index: 1 } });
    expect(await refused({ ...good, machine_id: other.machines[0] })).toEqual({ code: 'not_found', details: { field: 'sessions.machine_id', index: 1 } });
    expect(await refused({ ...good, shifts: [{ shift: 1, team_id: other.teams[0], places: 10 }] })).toEqual({ code: 'not_found', details: { field: 'sessions.shifts.team_id', index: 1, shift: 0 } });
    expect(await refused({ ...good, shifts: [{ shift: 1, team_id: null, places: 0 }] })).toEqual({ code: 'invalid_argument', details: { field: 'sessions.shifts.places', index: 1, shift: 0 } });
    expect(await refused({ ...good, shifts: [{ shift: 2, team_id: null, places: 5 }, { shift: 2, team_id: null, places: 5 }] })).toEqual({ code: 'invalid_argument', details: { field: 'sessions.shifts.shift', index: 1, shift: 1 } });
    expect(await refused({ ...locked, locked: false })).toEqual({ code: 'session_exists', details: { index: 1 } });
    expect(answer(plannerAnswerSchema, await planner(people.admin, campaign.id)).draft).toEqual([locked]);
  });
});

describe('who plans and who reads', () => {
  test('only the province administrator of the campaign plans; another province’s is told it does not exist', async () => {
    const { campaign, sites } = await campaignWithSetup();
    for (const client of [people.district, people.commune]) {
      expect(refusal((await planner(client, campaign.id)).error)?.code).toBe('not_allowed');
      expect(refusal((await savePlan(client, campaign.id, [])).error)?.code).toBe('not_allowed');
      expect(refusal((await publish(client, campaign.id)).error)?.code).toBe('not_allowed');
    }
    expect(refusal((await planner(people.otherAdmin, campaign.id)).error)).toEqual({ code: 'not_found', details: { field: 'campaign' } });
    expect(refusal((await saveSetup(people.otherAdmin, campaign.id, {})).error)).toEqual({ code: 'not_found', details: { field: 'campaign' } });
    expect(refusal((await planner(people.admin2025, campaign.id)).error)).toEqual({ code: 'not_found', details: { field: 'campaign' } });
    for (const call of [planner(anonClient(), campaign.id), publish(anonClient(), campaign.id), saveSetup(anonClient(), campaign.id, {})]) {
      expect((await call).error).not.toBeNull();
    }
    expect(await sql('select 1 from public.plan_sites where campaign_id = $1', [campaign.id])).toHaveLength(sites.length);
  });

  test('officers of the province read the planner’s tables; another province’s and citizens read nothing', async () => {
    const { campaign, machines } = await campaignWithSetup();
    for (const client of [people.admin, people.district, people.commune]) {
      const { data } = await client.from('plan_machines').select('id').eq('campaign_id', campaign.id).order('id');
      expect(data).toEqual(machines.map((id) => ({ id })));
      expect((await client.from('plan_teams').select('id').eq('campaign_id', campaign.id)).data).toHaveLength(3);
    }
    for (const table of ['plan_machines', 'plan_teams', 'plan_settings', 'plan_sites', 'planned_sessions', 'plan_publications'] as const) {
      expect((await people.otherAdmin.from(table).select('campaign_id').eq('campaign_id', campaign.id)).data).toEqual([]);
      expect((await people.admin2025.from(table).select('campaign_id').eq('campaign_id', campaign.id)).data).toEqual([]);
      const anon = await anonClient().from(table).select('campaign_id').eq('campaign_id', campaign.id);
      expect(anon.data ?? []).toEqual([]);
    }
    // No one writes them directly, not even the administrator.
    expect((await people.admin.from('plan_machines').insert({ campaign_id: campaign.id, label: 'direct' })).error).not.toBeNull();
  });
});
