// The role set and the unit sets: which roles exist in which set, staff:add and the database
// refusing a role or unit that does not fit, nothing of a campaign naming a unit of another set or
// province, and officers of one set refused the units and campaigns of the other.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import { createdSessionSchema, dailyCountRecordSchema } from '../../src/domain/staff-writes.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { upsertStaffAccount } from '../../scripts/lib/staff-accounts.ts';
import { refusal } from './support/booking-view.ts';
import { anonClient, officer, serviceClient } from './support/clients.ts';
import { createCampaign, createSession, placeIn, sql } from './support/fixtures.ts';
import { hue2025, hue2025Ids } from './support/units-2025.ts';

type Client = SupabaseClient<Database>;

let campaign2021: { id: number };
let campaign2025: { id: number };
let units2025: Record<string, number>;
let phuHoiId: number;
let district474Id: number;
const officers = {} as Record<'commune2021' | 'province2021' | 'commune2025' | 'province2025', Client>;

beforeAll(async () => {
  units2025 = await hue2025Ids();
  campaign2021 = await createCampaign('46');
  campaign2025 = await createCampaign(hue2025.province, '2025');
  const rows = await sql<{ code: string; id: number }>("select code, id from public.admin_units where unit_set = '2021' and code in ('19786', '474')");
  phuHoiId = rows.find((row) => row.code === '19786')!.id;
  district474Id = rows.find((row) => row.code === '474')!.id;
  officers.commune2021 = await officer('commune_officer', '19786');
  officers.province2021 = await officer('province_admin', '46');
  officers.commune2025 = await officer('commune_officer', hue2025.thuanHoa, '2025');
  officers.province2025 = await officer('province_admin', hue2025.province, '2025');
});

const code = (answer: { error: { code: string; details: string | null } | null }) => (answer.error === null ? 'ok' : refusal(answer.error)?.code);
const newAccount = () => ({ email: `set-${randomBytes(6).toString('hex')}@example.test`, password: 'a-long-password-1', displayName: 'Cán bộ thử' });

describe('the role set', () => {
  test('is one table everyone reads: province and commune roles and volunteers in both sets, the district officer in 2021 only', async () => {
    const { data, error } = await anonClient().from('staff_roles').select('role, level, unit_sets, site_bound').order('level').order('role');
    expect(error).toBeNull();
    expect(data).toEqual([
      { role: 'province_admin', level: 1, unit_sets: ['2021', '2025'], site_bound: false },
      { role: 'district_officer', level: 2, unit_sets: ['2021'], site_bound: false },
      { role: 'commune_officer', level: 3, unit_sets: ['2021', '2025'], site_bound: false },
      { role: 'volunteer', level: 3, unit_sets: ['2021', '2025'], site_bound: true },
    ]);
  });

  test('staff:add makes a 2025 commune officer, who reads their role with its names and their 2025 commune', async () => {
    const account = { ...newAccount(), role: 'commune_officer', unit: hue2025.thuanHoa, unitSet: '2025' };
    await upsertStaffAccount(serviceClient(), account);
    const client = anonClient();
    const { data: signedIn } = await client.auth.signInWithPassword({ email: account.email, password: account.password });
    const { data } = await client
      .from('staff_members')
      .select('role:staff_roles(role, name_vi, name_en), unit:admin_units(code, unit_set, name)')
      .eq('user_id', signedIn.user!.id);
    expect(data).toEqual([
      { role: { role: 'commune_officer', name_vi: 'Cán bộ công an cấp xã', name_en: 'Commune police officer' }, unit: { code: '19789', unit_set: '2025', name: 'Phường Thuận Hoá' } },
    ]);
  });

  test('staff:add refuses a district officer in the 2025 set, saying why, and makes no account', async () => {
    const account = { ...newAccount(), role: 'district_officer', unit: hue2025.thuanHoa, unitSet: '2025' };
    await expect(upsertStaffAccount(serviceClient(), account)).rejects.toThrow(
      'a district_officer exists only in the 2021 unit set, and Phường Thuận Hoá (19789) is of the 2025 set',
    );
    const { data } = await serviceClient().auth.admin.listUsers({ perPage: 1000 });
    expect(data.users.map((user) => user.email)).not.toContain(account.email);
  });

  test('staff:add refuses a 2025 unit of the wrong level and a role that does not exist, naming the roles', async () => {
    await expect(upsertStaffAccount(serviceClient(), { ...newAccount(), role: 'commune_officer', unit: hue2025.province, unitSet: '2025' })).rejects.toThrow(
      'a commune_officer covers a unit of level 3 (ward or commune), and Thành phố Huế (46) is of level 1 (province)',
    );
    await expect(upsertStaffAccount(serviceClient(), { ...newAccount(), role: 'interpreter', unit: '19786' })).rejects.toThrow(
      "there is no role 'interpreter': the roles are province_admin, district_officer, commune_officer, volunteer",
    );
  });

  test('the database itself refuses a staff row whose role does not exist in the unit\'s set', async () => {
    const admin = serviceClient();
    const { data: created } = await admin.auth.admin.createUser({ ...newAccount(), email_confirm: true });
    const { error } = await admin.from('staff_members').insert({ user_id: created.user!.id, role: 'district_officer', unit_id: units2025[hue2025.thuanHoa]!, display_name: 'Sai bộ' });
    expect(error).toMatchObject({ code: '23514', message: 'a district_officer exists only in the 2021 unit set, and Phường Thuận Hoá (19789) is of the 2025 set' });
  });
});

describe('a campaign keeps to its set and province', () => {
  test('takes its province\'s set when made without one, and cannot name a set its province is not of', async () => {
    const [row] = await sql<{ unit_set: string; demonstration: boolean }>('select unit_set, demonstration from public.campaigns where id = $1', [campaign2021.id]);
    expect(row).toEqual({ unit_set: '2021', demonstration: false });
    await expect(
      sql(
        `insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, starts_on, deadline, source)
         values ($1, $2, '2021', 'Sai bộ', 'Wrong set', 10, current_date, current_date, 'test')`,
        [`wrong-${randomBytes(4).toString('hex')}`, units2025[hue2025.province]],
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'campaigns_province_id_fkey' });
  });

  test('a session, a unit quota and a daily count of a 2025 campaign cannot name a 2021 unit, nor the reverse', async () => {
    const refused = { code: '23514' };
    await expect(createSession({ campaignId: campaign2025.id, place: await placeIn('474') })).rejects.toMatchObject({ ...refused, constraint: 'intake_sessions_unit_in_campaign' });
    await expect(sql('insert into public.unit_quotas (campaign_id, unit_id, quota) values ($1, $2, 100)', [campaign2025.id, district474Id])).rejects.toMatchObject({
      ...refused,
      constraint: 'unit_quotas_unit_in_campaign',
    });
    await expect(sql('insert into public.unit_quotas (campaign_id, unit_id, quota) values ($1, $2, 100)', [campaign2021.id, units2025[hue2025.thuanHoa]])).rejects.toMatchObject({
      ...refused,
      constraint: 'unit_quotas_unit_in_campaign',
    });
    await expect(
      sql('insert into public.daily_intake_counts (campaign_id, unit_id, day, applications) values ($1, $2, current_date, 5)', [campaign2025.id, phuHoiId]),
    ).rejects.toMatchObject({ ...refused, constraint: 'daily_intake_counts_unit_in_campaign' });
    // Of its own set and province, all three are taken.
    await sql('insert into public.unit_quotas (campaign_id, unit_id, quota) values ($1, $2, 100)', [campaign2025.id, units2025[hue2025.phuXuan]]);
    await sql('insert into public.daily_intake_counts (campaign_id, unit_id, day, applications) values ($1, $2, current_date, 5)', [campaign2025.id, units2025[hue2025.phuXuan]]);
  });

  test('a site with sessions cannot move to a ward of another set, nor its campaign to another province', async () => {
    const session = await createSession({ campaignId: campaign2021.id, place: await placeIn('474') });
    await expect(sql('update public.intake_sites set ward_id = $1 where id = $2', [units2025[hue2025.thuanHoa], session.siteId])).rejects.toMatchObject({
      code: '23514',
      constraint: 'intake_sites_unit_in_campaign',
    });
    await expect(sql("update public.campaigns set province_id = $1, unit_set = '2025' where id = $2", [units2025[hue2025.province], campaign2021.id])).rejects.toMatchObject({
      code: '23514',
      constraint: 'campaigns_unit_in_campaign',
    });
  });
});

describe('staff functions follow the officer\'s set', () => {
  const day = (n: number) => addDays(todayInVietnam(), -n);
  const count = (client: Client, campaignId: number, unitId: number, n: number) =>
    client.rpc('staff_record_daily_count', { p_campaign_id: campaignId, p_unit_id: unitId, p_day: day(n), p_applications: 40, p_walk_ins: 10 });
  const newSite = (wardId: number) => ({ ward_id: wardId, kind: 'commune_hall', name: `Nhà văn hoá ${randomBytes(3).toString('hex')}`, address: '1 Lê Lợi', lat: 16.46, lng: 107.58, access_notes: '' });
  const createIn = (client: Client, campaignId: number, wardId: number, n: number) =>
    client.rpc('staff_create_session', { p_campaign_id: campaignId, p_date: addDays(todayInVietnam(), 20 + n), p_shifts: defaultShifts(), p_new_site: newSite(wardId) });

  test('a 2021 commune officer and province administrator are refused 2025 communes and the 2025 campaign', async () => {
    const thuanHoa = units2025[hue2025.thuanHoa]!;
    expect(code(await count(officers.commune2021, campaign2021.id, thuanHoa, 1))).toBe('not_found');
    expect(code(await count(officers.province2021, campaign2021.id, thuanHoa, 1))).toBe('not_found');
    expect(code(await count(officers.province2021, campaign2025.id, thuanHoa, 1))).toBe('not_found');
    // Their own ward counts for their own campaign only.
    const wrongCampaign = await count(officers.commune2021, campaign2025.id, phuHoiId, 1);
    expect(wrongCampaign.status).toBe(409);
    expect(code(wrongCampaign)).toBe('unit_not_in_campaign');
    expect(code(await createIn(officers.commune2021, campaign2021.id, thuanHoa, 1))).toBe('not_found');
    expect(code(await createIn(officers.province2021, campaign2025.id, phuHoiId, 2))).toBe('campaign_not_found');
  });

  test('a 2025 commune officer works in their commune and the 2025 campaign, and is refused 2021 wards and campaigns', async () => {
    const thuanHoa = units2025[hue2025.thuanHoa]!;
    const recorded = dailyCountRecordSchema.parse((await count(officers.commune2025, campaign2025.id, thuanHoa, 2)).data);
    expect(recorded).toMatchObject({ campaign_id: campaign2025.id, unit_id: thuanHoa, applications: 40 });
    const created = await createIn(officers.commune2025, campaign2025.id, thuanHoa, 3);
    expect(created.error).toBeNull();
    const { data: sessions } = await officers.commune2025.from('intake_sessions').select('id').eq('id', createdSessionSchema.parse(created.data).session_id);
    expect(sessions).toHaveLength(1);

    expect(code(await count(officers.commune2025, campaign2021.id, thuanHoa, 3))).toBe('unit_not_in_campaign');
    expect(code(await count(officers.commune2025, campaign2021.id, phuHoiId, 3))).toBe('not_found');
    expect(code(await createIn(officers.commune2025, campaign2025.id, phuHoiId, 4))).toBe('not_found');
    expect(code(await createIn(officers.commune2025, campaign2025.id, units2025[hue2025.phuXuan]!, 5))).toBe('not_found');
  });

  test('a 2025 province administrator covers every commune of Thành phố Huế and no 2021 unit', async () => {
    expect(code(await count(officers.province2025, campaign2025.id, units2025[hue2025.phuXuan]!, 4))).toBe('ok');
    expect(code(await count(officers.province2025, campaign2025.id, units2025[hue2025.thuanHoa]!, 5))).toBe('ok');
    expect(code(await count(officers.province2025, campaign2021.id, phuHoiId, 4))).toBe('not_found');
    expect(code(await count(officers.province2025, campaign2021.id, district474Id, 4))).toBe('not_found');
    const { data: staff } = await officers.province2025.from('staff_members').select('role, unit:admin_units(code, unit_set)').eq('role', 'commune_officer');
    // The commune officers under it are those of its communes, in its set.
    expect(new Set(staff?.map((row) => `${row.unit?.unit_set}/${row.unit?.code}`))).toEqual(new Set([`2025/${hue2025.thuanHoa}`]));
  });
});
