// A 2025 campaign for a db test: Thành phố Huế (46 in the 2025 set) and two of its communes, and a
// test campaign of its own. The 2025 units come with the reference data; where a stack does not
// have them yet, the rows are made here (the same codes and names), so the tests read the same.
import { randomBytes } from 'node:crypto';
import { sql } from './fixtures.ts';

/** Phường Thuận Hoá and Phường Phú Xuân, communes of Thành phố Huế in the 2025 set. */
export const hue2025 = { province: '46', thuanHoa: '19789', phuXuan: '19753' } as const;

const units: [code: string, name: string, kind: string, level: number, parent: string | null, lat: number, lng: number][] = [
  [hue2025.province, 'Thành phố Huế', 'Thành phố Trung ương', 1, null, 16.33155, 107.51731],
  [hue2025.thuanHoa, 'Phường Thuận Hoá', 'Phường', 3, hue2025.province, 16.45558, 107.58377],
  [hue2025.phuXuan, 'Phường Phú Xuân', 'Phường', 3, hue2025.province, 16.47851, 107.57724],
];

/** The ids of the 2025 units above, by code (made if the stack lacks them). */
export async function ensureHue2025(): Promise<Record<string, number>> {
  for (const [code, name, kind, level, parent, lat, lng] of units) {
    await sql(
      `insert into public.admin_units (unit_set, code, name, kind, level, parent_id, lat, lng, valid_from)
       select '2025', $1, $2, $3, $4, (select id from public.admin_units where unit_set = '2025' and code = $5), $6, $7, '2025-07-01'
       where not exists (select 1 from public.admin_units where unit_set = '2025' and code = $1)`,
      [code, name, kind, level, parent, lat, lng],
    );
  }
  const rows = await sql<{ code: string; id: number }>("select code, id from public.admin_units where unit_set = '2025' and code = any($1)", [units.map(([code]) => code)]);
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}

/** A test campaign of Thành phố Huế in the 2025 set, open from 30 days ago to 30 days ahead. */
export async function createCampaign2025(): Promise<{ id: number; slug: string }> {
  await ensureHue2025();
  const slug = `test-2025-${randomBytes(5).toString('hex')}`;
  const [row] = await sql<{ id: number }>(
    `insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, starts_on, deadline, source)
     select $1, id, '2025', 'Chiến dịch thử 2025', 'Test campaign 2025', 50000,
            (now() at time zone 'Asia/Ho_Chi_Minh')::date - 30, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 30, 'test fixture'
     from public.admin_units where unit_set = '2025' and code = $2
     returning id`,
    [slug, hue2025.province],
  );
  return { id: row!.id, slug };
}
