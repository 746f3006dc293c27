// Assisted booking, as the commune officer of Phú Hội does it for a person who phones the office:
// the shift, the person, a relative's phone, the consent read out, the ticket printed on one A6
// sheet; the person then finds the same booking with the code and phone and prints the same ticket.
import { expect, test, type Page } from '@playwright/test';
import { person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookingWords, fillPerson } from './support/booking-form.ts';
import { bookableShift, sql } from './support/db.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

const words = bookingWords.vi;

/** The pages of a PDF, counted by its page objects (not the /Pages tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;
}

/** What the page prints: the ticket alone, on one A6 sheet. */
async function expectOneA6Ticket(page: Page, code: string) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.locator('.ticket-code')).toHaveText([code]);
  await expect(page.locator('.ticket-queue')).toBeVisible();
  await expect(page.locator('.ticket-print-facts')).toBeVisible();
  await expect(page.locator('.qr svg')).toBeVisible();
  await expect(page.getByRole('button', { name: 'In vé hẹn' })).toBeHidden();
  expect(pageCount(await page.pdf({ format: 'A6', printBackground: true }))).toBe(1);
  await page.emulateMedia({ media: 'screen' });
}

test('an officer books for a person with a relative’s phone, prints the ticket on one A6 sheet, and the person finds and prints the same one', async ({ page, browser }) => {
  const { shiftId } = await bookableShift();
  const who = person();
  const relative = phone();
  await signInAsCommuneOfficer(page);
  await page.getByRole('link', { name: 'Đặt lịch hộ người dân' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đặt lịch hộ người dân' })).toBeVisible();

  await page.goto(`/vi/staff/book/?shift=${shiftId}`);
  await expect(page.getByLabel('Ca', { exact: true })).toHaveValue(String(shiftId));
  await page.getByRole('button', { name: 'Đặt chỗ trong ca này' }).click();
  await expect(page.getByText(/Còn \d+ chỗ/)).toBeVisible();
  await fillPerson(page, 'vi', 0, who);
  await page.getByLabel(words.phone).fill(relative);
  // Asked, the person wants messages: the officer ticks the box worded for them.
  await page.getByLabel(/Người dân muốn nhận tin nhắn về lịch hẹn này/).check();
  await page.getByLabel(/Tôi đã đọc nội dung trên cho người dân nghe/).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: words.continue }).click();
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { name: 'Đã đặt chỗ' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const [booking] = await sql<{ code: string; queue_no: number; assisted_by: string | null; officer: string }>(
    `select b.code, b.queue_no, g.assisted_by::text, (select id::text from auth.users where email = 'phuhoi.hue@cccd.local') as officer
     from public.bookings b join public.booking_groups g on g.id = b.group_id
     where b.full_name = $1 and g.contact_phone = $2`,
    [who.full_name, relative],
  );
  expect(booking!.assisted_by).toBe(booking!.officer);
  // The confirmation goes to the relative's phone, in the officer's page's language.
  const messages = await sql<{ event: string; lang: string }>(
    `select event, lang from public.outbox_messages where phone = $1 and voided_at is null order by id`, [relative]);
  expect(messages[0]).toEqual({ event: 'booking_confirmed', lang: 'vi' });
  const code = `${booking!.code.slice(0, 4)}-${booking!.code.slice(4)}`;
  await expect(page.locator('.ticket-code')).toHaveText([code]);
  await expect(page.locator('.ticket-queue')).toHaveText([String(booking!.queue_no)]);
  // The person's private link is theirs: the office's ticket offers no calendar file made from it.
  await expect(page.getByRole('button', { name: 'Thêm vào lịch (tệp .ics)' })).toHaveCount(0);
  await expectOneA6Ticket(page, code);

  // The print button prints this ticket: the browser's print is asked for with the ticket marked.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', String(document.querySelectorAll('.ticket[data-printing]').length));
  });
  await page.getByRole('button', { name: 'In vé hẹn' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', '1');

  // The next person starts from an empty form in the same shift.
  await page.getByRole('button', { name: 'Đặt lịch cho người khác' }).click();
  await expect(page.getByLabel(words.fullName)).toHaveValue('');
  await expect(page.getByLabel('Ca', { exact: true })).toHaveValue(String(shiftId));

  // At home, the person opens the booking with the code and the phone, and prints the same ticket.
  const home = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const citizen = await home.newPage();
    await citizen.goto(`${new URL(page.url()).origin}/vi/booking/`);
    await citizen.getByLabel('Mã đặt chỗ', { exact: true }).fill(booking!.code);
    await citizen.getByLabel('Số điện thoại đã dùng khi đặt').fill(relative);
    await citizen.getByRole('button', { name: 'Tìm lịch hẹn' }).click();
    await expect(citizen.locator('.ticket-code')).toHaveText([code]);
    await expect(citizen.getByRole('button', { name: 'In vé hẹn' })).toBeVisible();
    await expectOneA6Ticket(citizen, code);
  } finally {
    await home.close();
  }
});

test('a draft session is not offered: only shifts that can be booked are', async ({ page }) => {
  const [draft] = await sql<{ shift_id: string }>(
    `with session as (
       insert into public.intake_sessions (campaign_id, site_id, session_date, published)
       select c.id, site.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 40, false
       from public.campaigns c, public.intake_sites site join public.admin_units w on w.id = site.ward_id
       where c.slug = 'thua-thien-hue-2021' and w.unit_set = '2021' and w.code = '19786'
       order by site.id limit 1
       returning id)
     insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select id, now() + interval '40 days', now() + interval '40 days 4 hours', 20 from session
     returning id as shift_id`,
  );
  const { shiftId } = await bookableShift();
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/book/?shift=${draft!.shift_id}`);
  const shifts = page.getByLabel('Ca', { exact: true });
  await expect(shifts.locator(`option[value="${shiftId}"]`)).toHaveCount(1);
  await expect(shifts.locator(`option[value="${draft!.shift_id}"]`)).toHaveCount(0);
  await expect(shifts).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Đặt chỗ trong ca này' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
