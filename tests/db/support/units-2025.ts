// Thành phố Huế (46 in the 2025 set) and two of its communes, from the reference data the
// migrations load, for the db tests of the 2025 set.
import { sql } from './fixtures.ts';

/** Thành phố Huế and two of its communes, Phường Thuận Hoá and Phường Phú Xuân, in the 2025 set. */
export const hue2025 = { province: '46', thuanHoa: '19789', phuXuan: '19753' } as const;

/** The ids of the 2025 units above, by code. */
export async function hue2025Ids(): Promise<Record<string, number>> {
  const rows = await sql<{ code: string; id: number }>("select code, id from public.admin_units where unit_set = '2025' and code = any($1)", [Object.values(hue2025)]);
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}
