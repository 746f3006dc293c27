// Temporary: screenshots of the planner page (not committed).
import { test } from '@playwright/test';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { formatDayLong } from '../../src/lib/format.ts';
import { signInAsOfficer } from './support/staff.ts';

for (const [w, h] of [[390, 844], [1280, 800]] as const) {
  test(`shots ${w}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: w, height: h });
    await signInAsOfficer(page, 'tinh.hue@cccd.local');
    await page.goto('/vi/staff/planner/');
    await page.getByRole('heading', { name: 'Kế hoạch', exact: true }).waitFor();
    await page.screenshot({ path: `.shots/planner-${w}-1-open.png`, fullPage: false });
    await page.locator('summary').click();
    await page.screenshot({ path: `.shots/planner-${w}-2-setup.png`, fullPage: true });
    await page.locator('summary').click();
    await page.getByRole('button', { name: 'Lập lịch', exact: true }).click();
    await page.getByRole('heading', { name: 'So với chỉ tiêu' }).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: `.shots/planner-${w}-3-plan.png`, fullPage: true });
    await page.getByRole('button', { name: new RegExp(`^${formatDayLong('vi', addDays(todayInVietnam(), 16))}`) }).click();
    await page.getByRole('heading', { name: /^Các buổi ngày/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.shots/planner-${w}-4-day.png`, fullPage: false });
    await page.locator('.staff-session').first().getByRole('button', { name: /^Sửa buổi/ }).click();
    await page.locator('.planner-editor').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.shots/planner-${w}-5-edit.png`, fullPage: false });
  });
}
