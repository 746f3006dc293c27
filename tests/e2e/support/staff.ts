// Signing a demo officer in, as the console's home does it; shared by the staff specs. The demo
// accounts (password cccd-demo-2026) exist in every e2e stack.
import { expect, type Page } from '@playwright/test';

/** Signs a demo officer in on the console's (Vietnamese) home; the session stays for the tab. */
export async function signInAsOfficer(page: Page, email: string): Promise<void> {
  await page.goto('/vi/staff/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill('cccd-demo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Xin chào', { exact: false })).toBeVisible();
}

/** The commune officer of Phú Hội (ward 19786). */
export const signInAsCommuneOfficer = (page: Page) => signInAsOfficer(page, 'phuhoi.hue@cccd.local');
