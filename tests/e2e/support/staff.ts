// Signing a demo officer in, as the console's home does it; shared by the staff specs. The demo
// accounts (supabase/local/demo-staff.ts) exist in every e2e stack.
import { expect, type Page } from '@playwright/test';
import { demoPassword } from '../../../supabase/local/demo-staff.ts';

const words = {
  vi: { email: 'Email', password: 'Mật khẩu', signIn: 'Đăng nhập', hello: 'Xin chào' },
  en: { email: 'Email', password: 'Password', signIn: 'Sign in', hello: 'Hello' },
};

interface SignInOptions {
  locale?: 'vi' | 'en';
  password?: string;
}

/** Fills and sends the console home's sign-in form, without waiting for the answer. */
export async function submitSignIn(page: Page, email: string, { locale = 'vi', password = demoPassword }: SignInOptions = {}): Promise<void> {
  const w = words[locale];
  await page.goto(`/${locale}/staff/`);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(password);
  await page.getByRole('button', { name: w.signIn }).click();
}

/** Signs a demo officer in on the console's home; the session stays for the tab. */
export async function signInAsOfficer(page: Page, email: string, options: SignInOptions = {}): Promise<void> {
  await submitSignIn(page, email, options);
  await expect(page.getByText(words[options.locale ?? 'vi'].hello, { exact: false })).toBeVisible();
}

/** The commune officer of Phú Hội (ward 19786). */
export const signInAsCommuneOfficer = (page: Page) => signInAsOfficer(page, 'phuhoi.hue@cccd.local');
