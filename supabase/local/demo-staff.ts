// The local stack's staff accounts, one per role and unit set, made at every start (README, "Staff accounts").
// Local only: a hosted project gets its accounts from `npm run staff:add`.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { upsertStaffAccount, type StaffAccount } from '../../scripts/lib/staff-accounts.ts';

export const demoPassword = 'cccd-demo-2026';

export const demoStaff: StaffAccount[] = [
  { email: 'tinh.hue@cccd.local', password: demoPassword, role: 'province_admin', unit: '46', displayName: 'Công an tỉnh Thừa Thiên Huế' },
  { email: 'tp.hue@cccd.local', password: demoPassword, role: 'district_officer', unit: '474', displayName: 'Công an thành phố Huế' },
  { email: 'phuhoi.hue@cccd.local', password: demoPassword, role: 'commune_officer', unit: '19786', displayName: 'Công an phường Phú Hội' },
  // The demonstration campaign of Thành phố Huế works in the 2025 set: province and commune only.
  { email: 'tp.hue.2025@cccd.local', password: demoPassword, role: 'province_admin', unit: '46', unitSet: '2025', displayName: 'Công an thành phố Huế' },
  { email: 'thuanhoa.hue@cccd.local', password: demoPassword, role: 'commune_officer', unit: '19789', unitSet: '2025', displayName: 'Công an phường Thuận Hoá' },
  // A youth union volunteer who hands out numbers and calls them at the ward's police station, at every session held there.
  { email: 'tnv.phuhoi@cccd.local', password: demoPassword, role: 'volunteer', unit: '19786', site: 'Công an phường Phú Hội', displayName: 'Đoàn thanh niên phường Phú Hội' },
];

export async function ensureDemoStaff(apiUrl: string, secretKey: string): Promise<void> {
  const admin = createClient<Database>(apiUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  for (const account of demoStaff) await upsertStaffAccount(admin, account);
}
