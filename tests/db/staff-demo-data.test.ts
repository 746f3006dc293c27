// The demo data of today's units: the demonstration campaign of Thành phố Huế on the 2025 set, its
// sessions in several communes, commune quotas and daily counts, and its two demo officers, each
// seeing their own area of it only.
import { expect, test } from 'vitest';
import { todayInVietnam } from '../../src/domain/dates.ts';
import { demoStaff } from '../../supabase/local/demo-staff.ts';
import { anonClient } from './support/clients.ts';
import { sql } from './support/fixtures.ts';

const slug = 'thanh-pho-hue-2026';

test('the Huế 2025 campaign is on the 2025 set, marked as demonstration figures in the data and in its source', async () => {
  const { data } = await anonClient()
    .from('campaigns')
    .select('unit_set, demonstration, source, province:admin_units!campaigns_province_id_fkey(code, name, unit_set)')
    .eq('slug', slug)
    .single();
  expect(data).toMatchObject({ unit_set: '2025', demonstration: true, province: { code: '46', name: 'Thành phố Huế', unit_set: '2025' } });
  expect(data!.source).toMatch(/^Số liệu minh hoạ/);
  // The five campaigns of the source documents stay on the 2021 set, and are not demonstrations.
  const { data: others } = await anonClient().from('campaigns').select('slug, unit_set, demonstration').neq('slug', slug).order('slug');
  expect(others?.filter((c) => !c.slug.startsWith('test-'))).toEqual(
    ['bac-kan-2021', 'ha-noi-2021', 'tay-ninh-2021', 'thanh-hoa-2021', 'thua-thien-hue-2021'].map((s) => ({ slug: s, unit_set: '2021', demonstration: false })),
  );
});

test('citizens find its sessions in the coming weeks in several communes, city wards and rural communes', async () => {
  const rows = await sql<{ ward_code: string; ward_name: string }>(
    `select distinct s.ward_code, s.ward_name from public.search_sessions(p_province => '46', p_unit_set => '2025', p_from => $1::date) s
     join public.campaigns c on c.id = s.campaign_id where c.slug = $2`,
    [todayInVietnam(), slug],
  );
  const names = rows.map((row) => row.ward_name);
  expect(names).toEqual(expect.arrayContaining(['Phường Thuận Hoá', 'Phường Phú Xuân']));
  expect(names.filter((name) => name.startsWith('Xã ')).length).toBeGreaterThanOrEqual(3);
});

test('its quota is shared between the communes of Thành phố Huế, which report daily counts', async () => {
  const [quotas] = await sql<{ communes: number; total: number; quota: number; outside: number }>(
    `select count(*)::int as communes, sum(q.quota)::int as total, min(c.quota) as quota,
            count(*) filter (where u.unit_set <> '2025' or u.level <> 3 or u.parent_id <> c.province_id)::int as outside
     from public.unit_quotas q join public.campaigns c on c.id = q.campaign_id join public.admin_units u on u.id = q.unit_id
     where c.slug = $1`,
    [slug],
  );
  const [communes] = await sql<{ n: number }>("select count(*)::int as n from public.admin_units c join public.admin_units p on p.id = c.parent_id where p.unit_set = '2025' and p.code = '46'");
  expect(quotas).toMatchObject({ communes: communes!.n, outside: 0 });
  expect(Math.abs(quotas!.total - quotas!.quota)).toBeLessThanOrEqual(communes!.n);
  const [counts] = await sql<{ units: number; yesterday: number }>(
    `select count(distinct unit_id)::int as units, count(*) filter (where day = $2::date - 1)::int as yesterday
     from public.daily_intake_counts k join public.campaigns c on c.id = k.campaign_id where c.slug = $1`,
    [slug, todayInVietnam()],
  );
  expect(counts).toEqual({ units: communes!.n, yesterday: communes!.n });
});

test('its province administrator covers every commune of it, its commune officer Thuận Hoá only', async () => {
  const [campaign] = await sql<{ id: number }>('select id from public.campaigns where slug = $1', [slug]);
  const communes = await sql<{ code: string; id: number }>("select code, id from public.admin_units where unit_set = '2025' and code in ('19789', '19753', '20044') order by code");
  // A negative figure is refused after the scope check: the answer says whether the commune is
  // covered, and nothing is written.
  const covered = async (email: string) => {
    const client = anonClient();
    await client.auth.signInWithPassword({ email, password: demoStaff.find((account) => account.email === email)!.password });
    const answers: Record<string, string | undefined> = {};
    for (const commune of communes) {
      const { error } = await client.rpc('staff_record_daily_count', { p_campaign_id: campaign!.id, p_unit_id: commune.id, p_day: todayInVietnam(), p_applications: -1, p_walk_ins: 0 });
      answers[commune.code] = error?.code;
    }
    return answers;
  };
  expect(await covered('tp.hue.2025@cccd.local')).toEqual({ '19753': 'invalid_argument', '19789': 'invalid_argument', '20044': 'invalid_argument' });
  expect(await covered('thuanhoa.hue@cccd.local')).toEqual({ '19753': 'not_found', '19789': 'invalid_argument', '20044': 'not_found' });
  // The 2021 province administrator of Huế (46 too) covers none of them.
  expect(await covered('tinh.hue@cccd.local')).toEqual({ '19753': 'not_found', '19789': 'not_found', '20044': 'not_found' });
});
