// The privacy notice and the accessibility statement: in both languages, linked from every page's
// footer, no script, axe clean; the notice states the retention period the database's purge keeps
// to and names the hosts the code sends data to.
import { expect, test } from '@playwright/test';
import { esmsEndpoint, znsEndpoint } from '../../supabase/functions/send-messages/config.ts';
import { retentionDays } from '../../src/domain/retention-periods.ts';
import { mapTiles } from '../../src/lib/map-tiles.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { gotoExpectingNoScript } from './support/no-scripts.ts';

const pages = [
  { path: '/vi/privacy/', title: 'Chính sách bảo vệ dữ liệu cá nhân' },
  { path: '/en/privacy/', title: 'Privacy notice' },
  { path: '/vi/accessibility/', title: 'Tuyên bố về khả năng tiếp cận' },
  { path: '/en/accessibility/', title: 'Accessibility statement' },
];

for (const { path, title } of pages) {
  test(`${path} loads no script and passes axe`, async ({ page }) => {
    await gotoExpectingNoScript(page, path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('every page links both from its footer, in its language', async ({ page }) => {
  for (const [path, privacy, accessibility] of [
    ['/vi/', 'Chính sách bảo vệ dữ liệu cá nhân', 'Khả năng tiếp cận'],
    ['/en/schedules/', 'Privacy notice', 'Accessibility'],
    ['/en/staff/', 'Privacy notice', 'Accessibility'],
  ] as const) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: privacy, exact: true })).toHaveAttribute('href', `/${path.slice(1, 3)}/privacy/`);
    await expect(footer.getByRole('link', { name: accessibility, exact: true })).toHaveAttribute('href', `/${path.slice(1, 3)}/accessibility/`);
  }
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  await expect(page.getByText(/Web Content Accessibility Guidelines \(WCAG\) 2\.2 at level AA/)).toBeVisible();
});

test('the notice states the period the purge keeps to, and who receives what', async ({ page }) => {
  const [row] = await sql<{ days: number }>(`select days from private.retention_periods where name = 'personal_data'`);
  expect(row!.days).toBe(retentionDays);

  await page.goto('/en/privacy/');
  const keptFor = (data: RegExp) => page.locator('#retention > div').filter({ has: page.getByRole('term').filter({ hasText: data }) }).getByRole('definition');
  await expect(keptFor(/^A booking/)).toHaveText(`Until ${row!.days} days after the session day; deleted the night after that day`);
  await expect(keptFor(/^Messages sent to you/)).toHaveText(`${row!.days} days after the day they were due`);
  const recipients = page.getByRole('region', { name: 'Who receives what' });
  await expect(recipients).toContainText(`loads the map pictures from ${mapTiles(process.env).host}.`);
  await expect(recipients).toContainText(`eSMS (${new URL(esmsEndpoint).host})`);
  await expect(recipients).toContainText(`Zalo (${new URL(znsEndpoint).host})`);
  await expect(page.getByRole('region', { name: 'The law these rules follow' })).toContainText('Personal Data Protection Law 91/2025/QH15, in force since January 1, 2026.');

  await page.goto('/vi/privacy/');
  await expect(page.getByRole('definition').filter({ hasText: 'Công an tỉnh Thừa Thiên Huế' }).first()).toBeVisible();
  await expect(keptFor(/^Đặt chỗ/)).toHaveText(`Đến hết ngày thứ ${row!.days} sau buổi tiếp nhận; bị xoá vào đêm hôm sau`);
});
