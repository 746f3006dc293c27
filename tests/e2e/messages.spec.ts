// Messages to citizens, as a citizen meets them: the booking form asks (unticked) whether to send
// them, with an optional e-mail address, and writes them in the page's language; the stop link of
// a message stops them with a press of its button.
import { expect, test } from '@playwright/test';
import { person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookingWords, fillPerson } from './support/booking-form.ts';
import { bookableShift, sql } from './support/db.ts';

const words = {
  vi: {
    checked: 'Gửi đến số điện thoại trên và đến ba.lan@example.vn',
    agree: /^Gửi tin nhắn cho tôi về việc này/, email: 'Thư điện tử (không bắt buộc)', emailInvalid: 'Nhập địa chỉ thư điện tử như ten@vi-du.vn, hoặc để trống',
    stop: 'Ngừng nhận tin nhắn', stopped: (masked: string) => `Đã ngừng. Số ${masked} sẽ không nhận thêm tin nhắn nào về những gì đã đăng ký.`,
    notFound: /^Đường liên kết này không đầy đủ/,
  },
  en: {
    checked: 'To the phone number above and to ba.lan@example.vn',
    agree: /^Send me messages about this/, email: 'E-mail address (optional)', emailInvalid: 'Enter an e-mail address like name@example.com, or leave it empty',
    stop: 'Stop messages', stopped: (masked: string) => `Stopped. ${masked} will get no more messages about what was asked for.`,
    notFound: /^This link is incomplete/,
  },
};

interface Message { event: string; lang: string; email: string | null; stop_token: string; voided_at: Date | null }

const messagesTo = (to: string) =>
  sql<Message>('select event, lang, email, stop_token, voided_at from public.outbox_messages where phone = $1 order by id', [to]);

for (const locale of ['vi', 'en'] as const) {
  const form = bookingWords[locale];
  const text = words[locale];

  test(`[${locale}] a booking sends messages only when the box is ticked, in the page's language, to the e-mail given too; the stop link stops them`, async ({ page }) => {
    const { shiftId } = await bookableShift();
    const contact = phone();
    await page.goto(`/${locale}/book/?shift=${shiftId}`);
    await fillPerson(page, locale, 0, person());
    await page.getByLabel(form.phone).fill(contact);
    const agree = page.getByLabel(text.agree);
    await expect(agree).not.toBeChecked();
    await expect(page.getByLabel(text.email)).toHaveCount(0);
    await agree.check();
    await page.getByLabel(text.email).fill('ba.lan@');
    await page.getByLabel(form.consent).check();
    await page.getByRole('button', { name: form.continue }).click();
    await expect(page.locator('.error-summary')).toContainText(text.emailInvalid);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel(text.email).fill('ba.lan@example.vn');
    await page.getByRole('button', { name: form.continue }).click();
    // The answers to check say where the messages go.
    await expect(page.getByText(text.checked)).toBeVisible();
    await page.getByRole('button', { name: form.confirm }).click();
    await expect(page.getByRole('heading', { name: form.done })).toBeVisible();

    const written = await messagesTo(contact);
    expect(written.map((row) => [row.event, row.lang, row.email])).toEqual([
      ['booking_confirmed', locale, 'ba.lan@example.vn'],
      ['booking_reminder', locale, 'ba.lan@example.vn'],
    ]);

    await page.goto(`/${locale}/messages/stop/#t=${written[0]!.stop_token}`);
    await expectNoSeriousA11yViolations(page);
    // Opening the page stops nothing: a chat app's preview opens it too.
    expect((await messagesTo(contact)).every((row) => row.voided_at === null)).toBe(true);
    await page.getByRole('button', { name: text.stop }).click();
    await expect(page.getByRole('status')).toContainText(text.stopped(`${contact.slice(0, 3)}****${contact.slice(-3)}`));
    expect((await messagesTo(contact)).every((row) => row.voided_at !== null)).toBe(true);
  });

  test(`[${locale}] a booking without the box ticked writes no message`, async ({ page }) => {
    const { shiftId } = await bookableShift();
    const contact = phone();
    await page.goto(`/${locale}/book/?shift=${shiftId}`);
    await fillPerson(page, locale, 0, person());
    await page.getByLabel(form.phone).fill(contact);
    await page.getByLabel(form.consent).check();
    await page.getByRole('button', { name: form.continue }).click();
    await page.getByRole('button', { name: form.confirm }).click();
    await expect(page.getByRole('heading', { name: form.done })).toBeVisible();
    expect(await messagesTo(contact)).toEqual([]);
  });

  test(`[${locale}] a stop link cut short or unknown says so`, async ({ page }) => {
    await page.goto(`/${locale}/messages/stop/#t=abc`);
    await expect(page.getByText(text.notFound)).toBeVisible();
    await page.goto(`/${locale}/messages/stop/#t=${'0'.repeat(32)}`);
    await page.getByRole('button', { name: text.stop }).click();
    await expect(page.getByText(text.notFound)).toBeVisible();
  });
}
