// Staff accounts in the console: a province administrator creates a volunteer's account, who signs
// in with the temporary password and must choose their own before anything else; the administrator
// deactivates it and the volunteer can no longer act; the administrator reads the audit log. New
// accounts every run: the demo accounts' passwords are never changed.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { upsertStaffAccount } from '../../scripts/lib/staff-accounts.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { secretKey } from '../../supabase/local/config.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { e2eApiUrl } from './support/ports.ts';
import { signInAsOfficer, submitSignIn } from './support/staff.ts';

const adminPassword = 'admin-password-e2e-1';

/** A province administrator of Thừa Thiên Huế (46), made as staff:add makes the first one. */
async function newAdministrator(): Promise<{ email: string; name: string }> {
  const email = `admin-${randomUUID()}@example.test`;
  const name = `Quản trị ${randomUUID().slice(0, 6)}`;
  const admin = createClient<Database>(e2eApiUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  await upsertStaffAccount(admin, { email, password: adminPassword, role: 'province_admin', unit: '46', displayName: name });
  return { email, name };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** Types into the focused field, then tabs on: the form filled by keyboard alone. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('an administrator creates a volunteer, who must change the password first; deactivated, the volunteer can no longer act; the audit log shows it', async ({ page, browser }) => {
  // Two people's whole journey, with four accessibility scans.
  test.slow();
  const admin = await newAdministrator();
  await signInAsOfficer(page, admin.email, { password: adminPassword });
  await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Tạo tài khoản' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // An empty form lists its problems, each a link to its field.
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('link', { name: 'Nhập địa chỉ email, ví dụ ten@example.com' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Chọn vai trò' })).toBeVisible();

  const email = `tnv-${randomUUID()}@example.test`;
  const name = `Tình nguyện viên ${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Email').focus();
  await typeAndTab(page, email);
  await typeAndTab(page, name);
  await page.getByLabel('Vai trò').selectOption({ label: 'Tình nguyện viên (đoàn thanh niên, sinh viên)' });
  await page.getByLabel('Đơn vị').selectOption({ label: 'Phường Phú Hội (Thành phố Huế)' });
  const site = page.getByLabel('Điểm thu nhận nơi tình nguyện viên làm việc');
  await expect(site.locator('option')).not.toHaveCount(1);
  await site.selectOption({ index: 1 });
  await site.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Tạo tài khoản' })).toBeFocused();
  await page.keyboard.press('Enter');

  const shown = page.getByRole('region', { name: 'Mật khẩu tạm' });
  await expect(shown).toBeFocused();
  await expect(shown.getByText(email)).toBeVisible();
  const temporary = (await shown.locator('.account-secret').textContent())!;
  expect(temporary).toMatch(/^[A-Za-z2-9]{16}$/);
  await expectNoSeriousA11yViolations(page);
  await shown.getByRole('button', { name: 'Tôi đã chuyển mật khẩu' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card.getByText('Chưa đổi mật khẩu tạm', { exact: false })).toBeVisible();

  // The volunteer signs in with it: the console asks for their own password before anything else.
  const volunteer = await newPage(browser);
  await submitSignIn(volunteer, email, { password: temporary });
  await expect(volunteer.getByRole('heading', { name: 'Đặt mật khẩu của riêng bạn' })).toBeVisible();
  await expect(volunteer.getByRole('link', { name: 'Ngày tiếp nhận' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(volunteer);
  await volunteer.goto('/vi/staff/day/');
  await expect(volunteer.getByRole('link', { name: 'Trang chính của cán bộ' })).toBeVisible();
  await expect(volunteer.getByRole('button', { name: /Gọi số tiếp theo/ })).toHaveCount(0);

  await volunteer.goto('/vi/staff/');
  await volunteer.getByLabel('Mật khẩu mới', { exact: true }).focus();
  await typeAndTab(volunteer, 'ngan');
  await typeAndTab(volunteer, 'ngan');
  await volunteer.keyboard.press('Enter');
  await expect(volunteer.getByRole('link', { name: 'Nhập ít nhất 10 ký tự' })).toBeVisible();
  await volunteer.getByLabel('Mật khẩu mới', { exact: true }).fill('');
  await volunteer.getByLabel('Mật khẩu mới', { exact: true }).focus();
  await typeAndTab(volunteer, 'hoa sen nở giữa hồ 2026');
  await volunteer.getByLabel('Nhập lại mật khẩu mới').fill('');
  await volunteer.getByLabel('Nhập lại mật khẩu mới').focus();
  await typeAndTab(volunteer, 'hoa sen nở giữa hồ 2026');
  await volunteer.keyboard.press('Enter');
  await expect(volunteer.getByRole('link', { name: 'Ngày tiếp nhận' })).toBeVisible();

  // Deactivated: the session the volunteer holds can do nothing, and a new sign-in is refused.
  await page.reload();
  await card.getByRole('button', { name: `Khoá tài khoản ${name}` }).click();
  await expect(card.getByText(`Khoá tài khoản ${name}?`, { exact: false })).toBeFocused();
  await card.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(card.getByRole('status')).toHaveText(`Đã khoá tài khoản ${name}.`);
  await expect(card.getByText('Đã khoá', { exact: true })).toBeVisible();

  await volunteer.reload();
  await expect(volunteer.getByRole('heading', { name: 'Tài khoản này đã bị khoá' })).toBeVisible();
  await volunteer.goto('/vi/staff/day/');
  await expect(volunteer.getByRole('link', { name: 'Trang chính của cán bộ' })).toBeVisible();
  await volunteer.goto('/vi/staff/');
  await volunteer.getByRole('button', { name: 'Đăng xuất' }).click();
  await submitSignIn(volunteer, email, { password: 'hoa sen nở giữa hồ 2026' });
  await expect(volunteer.getByRole('link', { name: 'Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên quản lý tài khoản của bạn.' })).toBeVisible();
  await volunteer.context().close();

  // The audit log: the account made and changed by this administrator, in Phú Hội.
  await page.goto('/vi/staff/');
  await page.getByRole('link', { name: 'Nhật ký thao tác' }).click();
  await page.getByLabel('Người thực hiện').selectOption({ label: admin.name });
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page).toHaveURL(/actor=/);
  const entries = page.getByRole('list').filter({ has: page.getByText('Thời gian') }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Sửa tài khoản cán bộ');
  await expect(entries.nth(0)).toContainText('active');
  await expect(entries.nth(1)).toContainText('Tạo tài khoản cán bộ');
  await expect(entries.nth(1)).toContainText('Phường Phú Hội');
  await expect(entries.nth(1)).toContainText(admin.name);
  await expectNoSeriousA11yViolations(page);

  // The same log in English, the filter kept in the address.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByText('Staff account created')).toBeVisible();
  await expect(page.getByText('Staff account changed')).toBeVisible();
});

test('a commune officer has no accounts page or audit log; every officer changes their own password by keyboard', async ({ page }) => {
  const email = `xa-${randomUUID()}@example.test`;
  const admin = createClient<Database>(e2eApiUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  await upsertStaffAccount(admin, { email, password: 'commune-password-1', role: 'commune_officer', unit: '19786', displayName: 'Cán bộ xã thử' });
  await signInAsOfficer(page, email, { password: 'commune-password-1', locale: 'en' });
  await expect(page.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.goto('/en/staff/audit/');
  await expect(page.getByText('The audit log is for district and province administrators.')).toBeVisible();

  await page.goto('/en/staff/password/');
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('New password', { exact: true }).focus();
  await typeAndTab(page, 'letters only, no digit');
  await typeAndTab(page, 'letters only, no digit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Use both letters and digits' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('');
  await page.getByLabel('New password again').fill('');
  await page.getByLabel('New password', { exact: true }).focus();
  await typeAndTab(page, 'commune-password-1');
  await typeAndTab(page, 'commune-password-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Choose a password different from the current one' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 2');
  await page.getByLabel('New password again').fill('a brand new passphrase 2');
  await page.getByLabel('New password again').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Your password was changed.');
});
