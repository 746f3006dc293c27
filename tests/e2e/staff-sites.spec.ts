import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { signInAsOfficer } from './support/staff.ts';

// Each test edits a site of its own, by default in Phú Hội (ward 19786 of 2021, under the district
// officer's Thành phố Huế), so the seed's sites stay as other specs expect them.
async function newSite(unitSet = '2021', wardCode = '19786'): Promise<{ id: number; name: string; wardId: number }> {
  const name = `Nhà văn hóa tổ ${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const [row] = await sql<{ id: string; ward_id: number }>(
    `insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
     select id, 'commune_hall', $1, '12 Chi Lăng, Huế', 16.469, 107.596
     from public.admin_units where unit_set = $2 and code = $3
     returning id, ward_id`,
    [name, unitSet, wardCode],
  );
  return { id: Number(row!.id), name, wardId: row!.ward_id };
}

// The demo district officer of Thành phố Huế (474); the session is the browser's, whatever the language.
async function openSessionsAsDistrictOfficer(page: Page, locale: 'vi' | 'en'): Promise<void> {
  await signInAsOfficer(page, 'tp.hue@cccd.local');
  await page.goto(`/${locale}/staff/sessions/`);
}

test('a district officer corrects a site’s name and access notes and finds them saved after a reload', async ({ page }) => {
  const site = await newSite();
  const renamed = `${site.name} (cơ sở 2)`;
  const notes = 'Vào cổng phụ đường Chi Lăng, làm thủ tục ở phòng họp tầng 1.';

  await openSessionsAsDistrictOfficer(page, 'vi');
  const sites = page.getByRole('region', { name: 'Các địa điểm trong địa bàn' });
  await sites.getByRole('button', { name: `Sửa ${site.name}` }).click();

  const form = page.getByRole('form', { name: `Sửa địa điểm: ${site.name}` });
  await expect(form.getByLabel('Tên địa điểm')).toHaveValue(site.name);
  await expect(form.getByLabel('Loại địa điểm')).toHaveValue('commune_hall');
  // A 2021 officer's wards: xã, phường and thị trấn.
  await expect(form.getByLabel('Xã, phường, thị trấn', { exact: true })).toHaveValue(String(site.wardId));
  await expect(form.getByLabel('Vĩ độ')).toHaveValue('16.469');
  await expect(form.getByLabel('Kinh độ')).toHaveValue('107.596');
  await expectNoSeriousA11yViolations(page);

  await form.getByLabel('Tên địa điểm').fill(renamed);
  await form.getByLabel('Chỉ dẫn đường đi, lối vào (không bắt buộc)').fill(notes);
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();

  await expect(sites.getByText(`Đã lưu địa điểm “${renamed}”.`)).toBeVisible();
  // Focus goes back where the officer left the list.
  await expect(sites.getByRole('button', { name: `Sửa ${renamed}` })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  const card = sites.getByRole('listitem').filter({ hasText: renamed });
  await expect(card).toContainText(notes);
  await expect(card).toContainText('Trụ sở UBND xã, phường');

  const [stored] = await sql<{ name: string; access_notes: string; lat: number }>(`select name, access_notes, lat from public.intake_sites where id = $1`, [site.id]);
  expect(stored).toEqual({ name: renamed, access_notes: notes, lat: 16.469 });
  // The audit trigger kept the name before and after.
  const audit = await sql<{ before: string; after: string }>(
    `select before ->> 'name' as before, after ->> 'name' as after from public.audit_log
     where table_name = 'intake_sites' and action = 'update' and row_id = $1`,
    [String(site.id)],
  );
  expect(audit).toEqual([{ before: site.name, after: renamed }]);
});

test('[en] a latitude outside Viet Nam is caught by the error summary and the site stays as it was', async ({ page }) => {
  const site = await newSite();

  await openSessionsAsDistrictOfficer(page, 'en');
  await page.getByRole('region', { name: 'Sites in your area' }).getByRole('button', { name: `Edit ${site.name}` }).click();
  const form = page.getByRole('form', { name: `Edit site: ${site.name}` });
  await form.getByLabel('Latitude').fill('61.2');
  await form.getByLabel('Name of the site').fill('ab');
  await form.getByRole('button', { name: 'Save changes' }).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText(['Enter the name of the site, at least 3 characters', 'Enter the latitude as a number from 7 to 24, like 16.4637']);
  await expect(form.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);

  await summary.getByRole('link', { name: /latitude/ }).click();
  await expect(form.getByLabel('Latitude')).toBeFocused();

  const [stored] = await sql<{ name: string; lat: number }>(`select name, lat from public.intake_sites where id = $1`, [site.id]);
  expect(stored).toEqual({ name: site.name, lat: 16.469 });
});

for (const { locale, edit, label } of [
  { locale: 'vi', edit: 'Sửa', label: 'Xã, phường, đặc khu' },
  { locale: 'en', edit: 'Edit', label: 'Commune, ward or special zone' },
] as const) {
  test(`[${locale}] a 2025 commune officer's site form names the 2025 units: communes, wards and special zones`, async ({ page }) => {
    const site = await newSite('2025', '19789');
    await signInAsOfficer(page, 'thuanhoa.hue@cccd.local');
    await page.goto(`/${locale}/staff/sessions/`);
    await page.getByRole('button', { name: `${edit} ${site.name}` }).click();
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(String(site.wardId));
    await expectNoSeriousA11yViolations(page);
  });
}
