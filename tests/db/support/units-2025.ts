// A 2025 campaign for a db test: Thành phố Huế (46 in the 2025 set) and two of its communes, from
// the reference data the migrations load, and a test campaign of its own.
import { randomBytes } from 'node:crypto';
import { sql } from './fixtures.ts';

/** Thành phố Huế and two of its communes, Phường Thuận Hoá and Phường Phú Xuân, in the 2025 set. */
export const hue2025 = { province: '46', thuanHoa: '19789', phuXuan: '19753' } as const;

/** The ids of the 2025 units above, by code. */
export async function hue2025Ids(): Promise<Record<string, number>> {
  const rows = await sql<{ code: string; id: number }>("select code, id from public.admin_units where unit_set = '2025' and code = any($1)", [Object.values(hue2025)]);
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}

/** A test campaign of Thành phố Huế in the 2025 set, open from 30 days ago to 30 days ahead. */
export async function createCampaign2025(): Promise<{ id: number; slug: string }> {
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
