// Staff accounts: the local demo accounts sign in, and an officer sees only their own staff row.
import { expect, test } from 'vitest';
import { upsertStaffAccount } from '../../scripts/lib/staff-accounts.ts';
import { demoStaff } from '../../supabase/local/demo-staff.ts';
import { anonClient, serviceClient } from './support/clients.ts';

test('every local demo account signs in and reads its own role and unit, and the staff under it only', async () => {
  const seen: Record<string, string[]> = {};
  for (const account of demoStaff) {
    const officer = anonClient();
    const { data, error } = await officer.auth.signInWithPassword({ email: account.email, password: account.password });
    expect(error).toBeNull();
    const { data: rows } = await officer.from('staff_members').select('user_id, role, unit:admin_units(code, unit_set)');
    expect(rows).toContainEqual({ user_id: data.user!.id, role: account.role, unit: { code: account.unit, unit_set: account.unitSet ?? '2021' } });
    seen[account.email] = [...new Set((rows ?? []).map((row) => row.role))].sort();
  }
  // The province sees the district and commune officers under it and the volunteers of their
  // sites; no one sees those above them, nor those of the other set (Huế is 46 in both). A
  // volunteer covers no unit: they see their own row only.
  expect(seen).toEqual({
    'tinh.hue@cccd.local': ['commune_officer', 'district_officer', 'province_admin', 'volunteer'],
    'tp.hue@cccd.local': ['commune_officer', 'district_officer', 'volunteer'],
    'phuhoi.hue@cccd.local': ['commune_officer', 'volunteer'],
    'tp.hue.2025@cccd.local': ['commune_officer', 'province_admin'],
    'thuanhoa.hue@cccd.local': ['commune_officer'],
    'tnv.phuhoi@cccd.local': ['volunteer'],
  });
});

test('a unit of the wrong level for the role is refused', async () => {
  await expect(
    upsertStaffAccount(serviceClient(), { email: `wrong-${Date.now()}@example.test`, password: 'a-long-password-1', role: 'district_officer', unit: '46', displayName: 'Sai cấp' }),
  ).rejects.toThrow(/a district_officer covers a unit of level 2/);
});

test('running it again for the same email updates the account instead of failing', async () => {
  const email = `officer-${Date.now()}@example.test`;
  const first = await upsertStaffAccount(serviceClient(), { email, password: 'first-password-1', role: 'commune_officer', unit: '19786', displayName: 'Cán bộ' });
  const second = await upsertStaffAccount(serviceClient(), { email, password: 'second-password-2', role: 'district_officer', unit: '474', displayName: 'Cán bộ' });
  expect(second).toBe(first);
  const { error } = await anonClient().auth.signInWithPassword({ email, password: 'second-password-2' });
  expect(error).toBeNull();
});

test('the database itself refuses a staff row whose unit is of the wrong level', async () => {
  const admin = serviceClient();
  const { data: created } = await admin.auth.admin.createUser({ email: `level-${Date.now()}@example.test`, password: 'a-long-password-1', email_confirm: true });
  const { data: province } = await admin.from('admin_units').select('id').eq('unit_set', '2021').eq('code', '46').single();
  const { error } = await admin.from('staff_members').insert({ user_id: created.user!.id, role: 'commune_officer', unit_id: province!.id, display_name: 'Sai cấp' });
  expect(error?.code).toBe('23514');
});
