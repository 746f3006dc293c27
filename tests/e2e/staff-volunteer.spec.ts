// A volunteer of the youth union at one intake site: the console's home says where they work and
// offers the day of intake only; the day page lists that site's session alone, its people as
// numbers and names (no birth date), and lets them check people in, hand out walk-in numbers and
// call the next number. The other console pages send them to the day page.
import { expect, test } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { upsertStaffAccount } from '../../scripts/lib/staff-accounts.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { secretKey } from '../../supabase/local/config.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { freshShift, sql } from './support/db.ts';
import { e2eApiUrl } from './support/ports.ts';
import { bookAPlace } from './support/public-rpc.ts';
import { signInAsOfficer } from './support/staff.ts';

const password = 'volunteer-password-1';

/** A volunteer account of Phú Hội (19786) at one site, made as staff:add makes it. */
async function volunteerAt(siteId: number): Promise<string> {
  const email = `tnv-${randomUUID()}@example.test`;
  const admin = createClient<Database>(e2eApiUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  await upsertStaffAccount(admin, { email, password, role: 'volunteer', unit: '19786', site: String(siteId), displayName: 'Đoàn thanh niên thử' });
  return email;
}

async function siteOf(sessionId: number): Promise<{ id: number; name: string }> {
  const [site] = await sql<{ id: string; name: string }>(
    'select site.id, site.name from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id where sess.id = $1',
    [sessionId],
  );
  return { id: Number(site!.id), name: site!.name };
}

test('a volunteer checks people in, hands out a number and calls the next one at their site, seeing numbers and names only', async ({ page }) => {
  const { shiftId, sessionId } = await freshShift('19786');
  // Another session of the same ward today, at another site: not the volunteer's.
  const elsewhere = await freshShift('19786');
  const site = await siteOf(sessionId);
  const booking = await bookAPlace(shiftId);
  const email = await volunteerAt(site.id);

  await signInAsOfficer(page, email, { password });
  await expect(page.getByText('Tình nguyện viên (đoàn thanh niên, sinh viên)')).toBeVisible();
  await expect(page.getByText(`${site.name} (mọi buổi tiếp nhận tại đây)`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ngày tiếp nhận' })).toBeVisible();
  await expect(page.getByText('Bạn chỉ thấy số thứ tự và họ tên của người đến.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buổi tiếp nhận' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // A shift of another site named in the address is not opened: the volunteer's own session is.
  await page.goto(`/vi/staff/day/?shift=${elsewhere.shiftId}`);
  const sessionChoice = page.getByLabel('Buổi tiếp nhận', { exact: true });
  await expect(sessionChoice.locator('option')).toHaveCount(1);
  await expect(sessionChoice.locator('option')).toHaveText(site.name);
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();

  // The roster: the person's number and name, not their birth date.
  const row = page.getByRole('listitem').filter({ hasText: booking.fullName });
  await expect(row).toContainText(`Số ${booking.queueNo}`);
  await expect(row).not.toContainText('Ngày sinh');
  // The day's count is the officers'.
  await expect(page.getByRole('heading', { name: 'Số hồ sơ thu nhận trong ngày' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(booking.code);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText(`Đã tiếp nhận số ${booking.queueNo}: ${booking.fullName}.`)).toBeVisible();
  // The person here can be called; served and not come are the officers' to mark.
  await expect(row.getByRole('button', { name: `Gọi số ${booking.queueNo}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /đã làm xong|vắng mặt|Hoàn tác/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(page.getByText('Số của người đến trực tiếp')).toBeVisible();

  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.locator('.staff-day-big-number')).toHaveText(String(booking.queueNo));
  const [shift] = await sql<{ now_serving: number }>('select now_serving from public.shifts where id = $1', [shiftId]);
  expect(shift!.now_serving).toBe(booking.queueNo);
});

test('the console pages for officers send a volunteer to the day of intake', async ({ page }) => {
  const { sessionId } = await freshShift('19786');
  const email = await volunteerAt((await siteOf(sessionId)).id);
  await signInAsOfficer(page, email, { password });
  await page.goto('/en/staff/sessions/');
  await expect(page.getByRole('heading', { name: 'This page is for police officers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the day of intake' })).toHaveAttribute('href', '/en/staff/day/');
  await expectNoSeriousA11yViolations(page);
});
