// The console of an officer of today's units (the 2025 set): the demo officers of the Huế 2025
// campaign see their role as the role set names it, the notice of their commune with a QR code that
// opens the campaign, and only their set's campaign and communes when they plan a session.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { signInAsOfficer } from './support/staff.ts';

const demonstrationNote = {
  vi: 'Số liệu minh hoạ. Địa điểm, lịch và các con số của chiến dịch này là giả định, đặt ra để giới thiệu trang web; đây không phải lịch hay số liệu thật.',
  en: 'Demonstration figures. The places, sessions and figures of this campaign are made up to show how the site works; they are not a real schedule.',
} as const;

test('the commune officer of Phường Thuận Hoá sees their role and commune, and prints its notice pointing to the 2025 campaign', async ({ page }) => {
  await signInAsOfficer(page, 'thuanhoa.hue@cccd.local');
  await expect(page.getByText('Cán bộ công an cấp xã', { exact: true })).toBeVisible();
  await expect(page.getByText('Phường Thuận Hoá', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'In thông báo lịch cho xã, phường' }).click();
  await expect(page).toHaveURL(/\/vi\/staff\/notice\/\?ward=19789$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Lịch làm căn cước lưu động tại Phường Thuận Hoá' })).toBeVisible();
  // No district in the 2025 set: the area is the city alone.
  await expect(page.locator('.notice-area')).toHaveText('Thành phố Huế');
  await expect(page.getByText('Công an phường Thuận Hoá', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`${new URL(page.url()).origin}/vi/schedules/?campaign=thanh-pho-hue-2026&ward=19789`, { exact: true })).toBeVisible();
  // The campaign's figures are made up: the sheet says so, on paper too.
  const note = page.locator('.notice-sheet .demonstration');
  await expect(note).toHaveText(demonstrationNote.vi);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(note).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('notice-demonstration-vi.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.goto('/en/staff/notice/?ward=19789');
  await expect(note).toHaveText(demonstrationNote.en);
  await expectNoSeriousA11yViolations(page);
});

test('the province administrator of the 2025 Huế plans a session in the 2025 campaign only, among the communes of the city', async ({ page }) => {
  const [counts] = await sql<{ communes: number }>(
    "select count(*)::int as communes from public.admin_units c join public.admin_units p on p.id = c.parent_id where p.unit_set = '2025' and p.code = '46'",
  );
  await signInAsOfficer(page, 'tp.hue.2025@cccd.local', { locale: 'en' });
  await expect(page.getByText('Province administrator (provincial police)', { exact: true })).toBeVisible();
  // Its unit has an English name in the 2025 set.
  await expect(page.getByText('Hue City', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Intake sessions', exact: true }).click();
  await page.getByRole('button', { name: 'Create a session' }).click();
  await expect(page.getByText('Campaign: ID card campaign, Huế City 2026')).toBeVisible();
  await page.getByLabel('Add a new site').check();
  // The 2025 set's lowest level: communes, wards and special zones (no townships).
  const ward = page.getByLabel('Commune, ward or special zone', { exact: true });
  // The communes of Thành phố Huế in the 2025 set and the "choose" line: Phú Hội (2021) is not one.
  await expect(ward.locator('option')).toHaveCount(counts!.communes + 1);
  await expect(ward.locator('option', { hasText: 'Phường Thuận Hoá' })).toHaveCount(1);
  await expect(ward.locator('option', { hasText: 'Phường Phú Hội' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
