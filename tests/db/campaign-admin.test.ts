// Setting a campaign up from the console (supabase/schemas/17_campaign_admin.sql): a province
// administrator creates and edits the campaigns of their own province and unit set, on the 2021
// and on the 2025 units; anyone else is refused; the youngest age follows the law's dated data,
// which the database holds as the site does; unit quotas are saved row by row with a report of
// every row refused and why; every change is in the audit log under the province; and the
// citizens' reads (progress, directory) work for a campaign made this way.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { savedCampaignSchema, type CampaignPayload } from '../../src/domain/campaign-admin.ts';
import { addDays, inForce, todayInVietnam } from '../../src/domain/dates.ts';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import { savedUnitQuotasSchema, type QuotaRow } from '../../src/domain/unit-quotas.ts';
import { campaignProgressSchema } from '../../src/domain/progress.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { answer } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { anonClient, officer } from './support/clients.ts';
import { createCampaign, sql } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;
type CardRule = { id: string; valid_from: string; valid_to: string | null; mandatory_from_age: number };

const cardRules = JSON.parse(readFileSync('src/content/law/card-rules.json', 'utf8')) as CardRule[];
const admins = {} as Record<'hue2021' | 'hue2025' | 'bacKan' | 'commune', Client>;
let province = {} as Record<'hue2021' | 'hue2025', number>;

const today = todayInVietnam();
const newSlug = () => `test-camp-${randomBytes(5).toString('hex')}`;
const payload = (unitSet: string, patch: Partial<CampaignPayload> = {}): CampaignPayload => ({
  slug: newSlug(),
  unit_set: unitSet,
  name_vi: 'Chiến dịch cấp căn cước thử',
  name_en: 'Test ID card campaign',
  quota: 50000,
  daily_target: 800,
  starts_on: today,
  deadline: addDays(today, 60),
  source: 'Kế hoạch thử của Công an tỉnh',
  shift_plan: defaultShifts(),
  ...patch,
});
const codeOf = (result: { error: { code: string; details: string | null } | null }) => (result.error === null ? 'ok' : refusal(result.error)?.code);
const save = (client: Client, campaign: object) => client.rpc('staff_save_campaign', { p_campaign: campaign as never });
const saveQuotas = (client: Client, campaignId: number, rows: QuotaRow[]) => client.rpc('staff_save_unit_quotas', { p_campaign_id: campaignId, p_rows: rows });

/** Units directly under a province of a set, by code. */
async function childCodes(provinceId: number): Promise<string[]> {
  return (await sql<{ code: string }>('select code from public.admin_units where parent_id = $1 order by code', [provinceId])).map((r) => r.code);
}

beforeAll(async () => {
  const rows = await sql<{ unit_set: string; id: number }>("select unit_set, id from public.admin_units where code = '46' and level = 1");
  province = { hue2021: rows.find((r) => r.unit_set === '2021')!.id, hue2025: rows.find((r) => r.unit_set === '2025')!.id };
  admins.hue2021 = await officer('province_admin', '46');
  admins.hue2025 = await officer('province_admin', '46', '2025');
  admins.bacKan = await officer('province_admin', '06');
  admins.commune = await officer('commune_officer', '19786');
});

describe('the youngest age', () => {
  test('the database holds the law’s card rules as the site’s data has them', async () => {
    const rows = await sql('select id, valid_from::text, valid_to::text, mandatory_from_age from private.card_rules order by valid_from');
    expect(rows).toEqual(cardRules.map(({ id, valid_from, valid_to, mandatory_from_age }) => ({ id, valid_from, valid_to, mandatory_from_age })));
  });

  test('is the law’s on the campaign’s first day, not typed: a direct write of another age does not hold', async () => {
    const starts = '2024-07-01';
    const saved = answer(savedCampaignSchema, await save(admins.hue2021, payload('2021', { starts_on: starts, deadline: '2024-09-30' })));
    const law = cardRules.find((rule) => inForce(rule, starts))!;
    expect(saved.min_age).toBe(law.mandatory_from_age);
    await sql('update public.campaigns set min_age = 6 where id = $1', [saved.campaign_id]);
    const [row] = await sql<{ min_age: number }>('select min_age from public.campaigns where id = $1', [saved.campaign_id]);
    expect(row!.min_age).toBe(law.mandatory_from_age);
  });

  test('a first day before any law of the data is refused', async () => {
    const result = await save(admins.hue2021, payload('2021', { starts_on: addDays(cardRules[0]!.valid_from, -1) }));
    expect(refusal(result.error)).toEqual({ code: 'invalid_argument', details: { field: 'starts_on' } });
  });
});

describe('creating and editing a campaign', () => {
  test('a campaign made without a plan has the seeds’ three shifts, the ones the console starts from', async () => {
    const { id } = await createCampaign('46');
    const [row] = await sql<{ shift_plan: unknown }>('select shift_plan from public.campaigns where id = $1', [id]);
    expect(row!.shift_plan).toEqual(defaultShifts());
  });

  test('on the 2021 units: the administrator of Thừa Thiên Huế creates, edits and finds it audited under the province', async () => {
    const made = payload('2021', { shift_plan: [{ start: '07:30', end: '11:30', capacity: 40 }, { start: '13:30', end: '17:00', capacity: 40 }] });
    const created = answer(savedCampaignSchema, await save(admins.hue2021, made));
    expect(created.slug).toBe(made.slug);
    const edited = answer(savedCampaignSchema, await save(admins.hue2021, { ...made, id: created.campaign_id, quota: 60000, daily_target: null, name_en: 'Test ID card campaign, edited' }));
    expect(edited.campaign_id).toBe(created.campaign_id);
    const [row] = await sql('select province_id, unit_set, quota, daily_target, name_en, shift_plan from public.campaigns where id = $1', [created.campaign_id]);
    expect(row).toEqual({ province_id: province.hue2021, unit_set: '2021', quota: 60000, daily_target: null, name_en: 'Test ID card campaign, edited', shift_plan: made.shift_plan });
    const audit = await sql<{ action: string; unit_id: number; quota: number }>(
      "select action, unit_id, (after ->> 'quota')::integer as quota from public.audit_log where table_name = 'campaigns' and row_id = $1 order by id",
      [String(created.campaign_id)],
    );
    expect(audit).toEqual([
      { action: 'insert', unit_id: province.hue2021, quota: 50000 },
      { action: 'update', unit_id: province.hue2021, quota: 60000 },
    ]);
  });

  test('on the 2025 units: the administrator of Thành phố Huế creates one of the 2025 set', async () => {
    const created = answer(savedCampaignSchema, await save(admins.hue2025, payload('2025')));
    const [row] = await sql('select province_id, unit_set from public.campaigns where id = $1', [created.campaign_id]);
    expect(row).toEqual({ province_id: province.hue2025, unit_set: '2025' });
  });

  test('the short name is kept once made and taken only once', async () => {
    const made = payload('2021');
    const created = answer(savedCampaignSchema, await save(admins.hue2021, made));
    expect(refusal((await save(admins.hue2021, { ...made, id: created.campaign_id, slug: newSlug() })).error)).toEqual({ code: 'invalid_argument', details: { field: 'slug' } });
    expect(codeOf(await save(admins.hue2025, { ...made, unit_set: '2025' }))).toBe('campaign_slug_taken');
  });

  test('each field is checked, a bad shift named by its index', async () => {
    const cases: Array<[Partial<CampaignPayload>, Record<string, unknown>]> = [
      [{ slug: 'Not A Slug' }, { field: 'slug' }],
      [{ quota: 0 }, { field: 'quota' }],
      [{ daily_target: 60000 }, { field: 'daily_target' }],
      [{ deadline: addDays(today, -1) }, { field: 'deadline' }],
      [{ starts_on: '2026-02-30' }, { field: 'starts_on' }],
      [{ source: 'x' }, { field: 'source' }],
      [{ shift_plan: [] }, { field: 'shift_plan' }],
      [{ shift_plan: [...defaultShifts().slice(0, 2), { start: '16:00', end: '20:00', capacity: 60 }] }, { field: 'shift_plan', shift: 2 }],
      [{ shift_plan: [{ start: '07:00', end: '12:00', capacity: 0 }] }, { field: 'shift_plan', shift: 0 }],
    ];
    for (const [patch, details] of cases) {
      expect(refusal((await save(admins.hue2021, payload('2021', patch))).error), JSON.stringify(patch)).toEqual({ code: 'invalid_argument', details });
    }
  });
});

describe('who may set a campaign up', () => {
  let hueCampaign: number;
  beforeAll(async () => {
    hueCampaign = answer(savedCampaignSchema, await save(admins.hue2021, payload('2021'))).campaign_id;
  });

  test('a commune officer, a citizen and a signed-out caller are refused', async () => {
    expect(codeOf(await save(admins.commune, payload('2021')))).toBe('not_allowed');
    expect(codeOf(await saveQuotas(admins.commune, hueCampaign, [{ line: 1, code: '474', quota: '10' }]))).toBe('not_allowed');
    expect(codeOf(await save(anonClient(), payload('2021')))).not.toBe('ok');
  });

  test('another province’s administrator, or the same province code’s of the other set, cannot touch the campaign', async () => {
    const made = { ...payload('2021'), id: hueCampaign };
    expect(codeOf(await save(admins.bacKan, made))).toBe('not_found');
    expect(codeOf(await saveQuotas(admins.bacKan, hueCampaign, [{ line: 1, code: '474', quota: '10' }]))).toBe('not_found');
    expect(codeOf(await save(admins.hue2025, { ...made, unit_set: '2025' }))).toBe('not_found');
    expect(codeOf(await save(admins.hue2025, payload('2021')))).toBe('not_allowed');
  });

  test('an administrator cannot write the tables directly', async () => {
    const { error } = await admins.hue2021.from('campaigns').update({ quota: 1 }).eq('id', hueCampaign);
    expect(error).not.toBeNull();
    const [row] = await sql<{ quota: number }>('select quota from public.campaigns where id = $1', [hueCampaign]);
    expect(row!.quota).toBe(50000);
  });
});

describe('unit quotas', () => {
  test('on the 2021 units: good rows are saved, each refused row comes back with its line and reason, and the saves are audited', async () => {
    const campaign = answer(savedCampaignSchema, await save(admins.hue2021, payload('2021', { quota: 50000 })));
    const [d1, d2, d3, d4] = await childCodes(province.hue2021);
    const [bacKanDistrict] = await childCodes((await sql<{ id: number }>("select id from public.admin_units where unit_set = '2021' and code = '06'"))[0]!.id);
    const [only2025] = await sql<{ code: string }>(
      "select a.code from public.admin_units a where a.unit_set = '2025' and not exists (select 1 from public.admin_units b where b.unit_set = '2021' and b.code = a.code) order by a.code limit 1",
    );
    const rows: QuotaRow[] = [
      { line: 2, code: d1!, quota: '12000' },
      { line: 3, code: d2!, quota: '8000' },
      { line: 4, code: '99999', quota: '100' },
      { line: 5, code: only2025!.code, quota: '100' },
      { line: 6, code: bacKanDistrict!, quota: '100' },
      { line: 7, code: '19786', quota: '100' },
      { line: 8, code: d1!, quota: '500' },
      { line: 9, code: d3!, quota: '-5' },
      { line: 10, code: d4!, quota: '1.200' },
      { line: 11, code: '', quota: '10' },
    ];
    const saved = answer(savedUnitQuotasSchema, await saveQuotas(admins.hue2021, campaign.campaign_id, rows));
    expect(saved).toEqual({
      ok: true,
      campaign_id: campaign.campaign_id,
      saved: 2,
      removed: 0,
      refused: [
        { line: 4, code: '99999', reason: 'unknown_code' },
        { line: 5, code: only2025!.code, reason: 'wrong_set' },
        { line: 6, code: bacKanDistrict!, reason: 'not_in_province' },
        { line: 7, code: '19786', reason: 'wrong_level' },
        { line: 8, code: d1!, reason: 'duplicate', first_line: 2 },
        { line: 9, code: d3!, reason: 'negative' },
        { line: 10, code: d4!, reason: 'not_a_number' },
        { line: 11, code: '', reason: 'missing_code' },
      ],
    });
    const more = answer(
      savedUnitQuotasSchema,
      await saveQuotas(admins.hue2021, campaign.campaign_id, [
        { line: 1, code: d1!, quota: null },
        { line: 2, code: d3!, quota: '0' },
        { line: 3, code: d4!, quota: '' },
        { line: 4, code: d2!, quota: '50001' },
        { line: 5, code: d2!, quota: '9000' },
      ]),
    );
    expect(more).toMatchObject({ saved: 0, removed: 1 });
    expect(more.refused.map((r) => r.reason)).toEqual(['zero', 'missing_quota', 'above_campaign_quota', 'duplicate']);
    const quotas = await sql<{ code: string; quota: number }>(
      'select u.code, q.quota from public.unit_quotas q join public.admin_units u on u.id = q.unit_id where q.campaign_id = $1 order by u.code',
      [campaign.campaign_id],
    );
    expect(quotas).toEqual([{ code: d2!, quota: 8000 }]);
    const audit = await sql<{ action: string; code: string }>(
      "select a.action, u.code from public.audit_log a join public.admin_units u on u.id = a.unit_id where a.table_name = 'unit_quotas' and (coalesce(a.after, a.before) ->> 'campaign_id')::integer = $1 order by a.id",
      [campaign.campaign_id],
    );
    expect(audit).toEqual([
      { action: 'insert', code: d1! },
      { action: 'insert', code: d2! },
      { action: 'delete', code: d1! },
    ]);
  });

  test('on the 2025 units: communes directly under the province take quotas, and the citizens’ progress and directory read the campaign', async () => {
    const campaign = answer(savedCampaignSchema, await save(admins.hue2025, payload('2025', { quota: 30000 })));
    const communes = await childCodes(province.hue2025);
    const saved = answer(
      savedUnitQuotasSchema,
      await saveQuotas(admins.hue2025, campaign.campaign_id, [
        { line: 1, code: communes[0]!, quota: '1000' },
        { line: 2, code: communes[1]!, quota: '2000' },
        { line: 3, code: '474', quota: '10' },
      ]),
    );
    expect(saved.saved).toBe(2);
    expect(saved.refused).toEqual([{ line: 3, code: '474', reason: 'wrong_set' }]);
    const progress = answer(campaignProgressSchema, await anonClient().rpc('campaign_progress', { p_slug: campaign.slug }));
    expect(progress.quota).toBe(30000);
    expect(progress.units.filter((u) => u.quota !== null).map((u) => [u.code, u.quota])).toEqual(
      expect.arrayContaining([
        [communes[0], 1000],
        [communes[1], 2000],
      ]),
    );
    const { data } = await anonClient().rpc('campaign_directory');
    expect(JSON.stringify(data)).toContain(campaign.slug);
  });
});
