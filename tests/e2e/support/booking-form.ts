// The citizen's booking form, step by step, for specs that need a booking made through the site
// (the staff console's, for one). The same labels as the form in both languages.
import { expect, type Page } from '@playwright/test';
import { person, phone } from '../../support/people.ts';

export const bookingWords = {
  vi: {
    fullName: 'Họ và tên', day: 'Ngày', month: 'Tháng', year: 'Năm', kind: 'Đổi từ CMND hoặc CCCD cũ sang thẻ mới',
    phone: 'Số điện thoại di động', consent: /Tôi đồng ý/, continue: 'Tiếp tục', confirm: 'Xác nhận đặt chỗ', done: 'Đã đặt chỗ',
  },
  en: {
    fullName: 'Full name', day: 'Day', month: 'Month', year: 'Year', kind: 'From an old ID card (CMND or CCCD) to the new card',
    phone: 'Mobile phone number', consent: /I agree/, continue: 'Continue', confirm: 'Confirm booking', done: 'You are booked',
  },
};

/** Fills the fieldset of the `index`-th person (0-based) of the form, or the one named `groupName`. */
export async function fillPerson(page: Page, locale: 'vi' | 'en', index: number, who: { full_name: string; birth_date: string }, groupName?: string) {
  const words = bookingWords[locale];
  const group = page.getByRole('group', { name: groupName ?? new RegExp(`${index + 1}$`) }).first();
  const [year, month, day] = who.birth_date.split('-');
  await group.getByLabel(words.fullName).fill(who.full_name);
  await group.getByLabel(words.day, { exact: true }).fill(String(Number(day)));
  await group.getByLabel(words.month, { exact: true }).fill(String(Number(month)));
  await group.getByLabel(words.year, { exact: true }).fill(year!);
  await group.getByLabel(words.kind).check();
}

/** Books one made-up person in a shift from /{lang}/book/?shift=ID; returns the booking code shown. */
export async function bookOnePerson(page: Page, locale: 'vi' | 'en', shiftId: number): Promise<string> {
  await page.goto(`/${locale}/book/?shift=${shiftId}`);
  await confirmOnePerson(page, locale);
  return (await page.locator('.ticket-code').first().textContent()) ?? '';
}

/** On the open book page: fills in one made-up person, confirms, and waits for the ticket. */
export async function confirmOnePerson(page: Page, locale: 'vi' | 'en'): Promise<void> {
  const words = bookingWords[locale];
  await fillPerson(page, locale, 0, person());
  await page.getByLabel(words.phone).fill(phone());
  await page.getByLabel(words.consent).check();
  await page.getByRole('button', { name: words.continue }).click();
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { name: words.done })).toBeVisible();
}
