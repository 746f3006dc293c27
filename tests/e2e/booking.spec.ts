import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { consentTextInForce } from '../../src/domain/consent-texts.ts';
import { todayInVietnam } from '../../src/domain/dates.ts';
import { person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookOnePerson, bookingWords, fillPerson } from './support/booking-form.ts';
import { bookableShift, freshShift, sql } from './support/db.ts';

const extra = {
  vi: {
    add: 'Thêm người',
    calendar: 'Thêm vào lịch (tệp .ics)', manage: 'Xem, đổi hoặc hủy lịch hẹn', code: 'Mã đặt chỗ', lookupPhone: 'Số điện thoại đã dùng khi đặt',
    find: 'Tìm lịch hẹn', move: 'Đổi sang ca khác', moveHere: 'Chuyển sang ca này', moved: /Đã chuyển lịch hẹn/, cancel: 'Hủy lịch hẹn',
    check: 'Kiểm tra lại trước khi đặt chỗ',
    confirmCancel: 'Xác nhận hủy', cancelled: 'Đã hủy. Bạn có thể đặt lại bất cứ lúc nào.',
    cancelledPartly: (name: string) => `Đã hủy chỗ của ${name}. Những người còn lại trong lịch hẹn vẫn giữ chỗ.`, full: 'Ca này vừa hết chỗ', fewer: 'Ca này chỉ còn 1 chỗ, không đủ cho 2 người.', placesLeft: (n: number) => `Còn ${n} chỗ`, chooseAlternative: /^Chọn ca này ?: ca \d{2}:\d{2}–\d{2}:\d{2}, .+, tại \S/, remove: 'Bỏ người thứ 2', formHeading: 'Ai sẽ làm hồ sơ?', change: 'Sửa Ai sẽ làm hồ sơ?', chooseAnother: 'Chọn ca khác', problem: 'Có thông tin cần sửa',
    book: /^Đặt chỗ/,
  },
  en: {
    add: 'Add a person',
    calendar: 'Add to calendar (.ics file)', manage: 'See, move or cancel the booking', code: 'Booking code', lookupPhone: 'Phone number used to book',
    find: 'Find booking', move: 'Move to another shift', moveHere: 'Move to this shift', moved: /Moved/, cancel: 'Cancel the booking',
    check: 'Check your answers before booking',
    confirmCancel: 'Confirm cancellation', cancelled: 'Cancelled. You can book again at any time.',
    cancelledPartly: (name: string) => `Cancelled for ${name}. The others in the booking keep their places.`, full: 'This shift has just filled up', fewer: 'This shift has only 1 place left, not enough for 2 people.', placesLeft: (n: number) => `${n} place${n === 1 ? '' : 's'} left`, chooseAlternative: /^Choose this shift ?: \d{1,2}:\d{2}.*–.*, .+, at \S/, remove: 'Remove person 2', formHeading: 'Who is applying?', change: 'Change Who is applying?', chooseAnother: 'Choose another shift', problem: 'There is a problem',
    book: /^Book/,
  },
};

const texts = { vi: { ...bookingWords.vi, ...extra.vi }, en: { ...bookingWords.en, ...extra.en } };

for (const locale of ['vi', 'en'] as const) {
  const words = texts[locale];

  test(`[${locale}] a family finds a session in their ward, books two people, gets codes, queue numbers, QR codes and a calendar file, then looks the booking up, moves it and cancels it`, async ({ page, browser }) => {
    const people = [person(), person()];
    const contact = phone();
    // The link a commune prints on its notice: the sessions of its ward.
    await page.goto(`/${locale}/schedules/?ward=19786`);
    await expect(page.locator('astro-island')).not.toHaveAttribute('ssr');
    await page.getByRole('link', { name: words.book }).first().click();
    await expect(page).toHaveURL(/\/book\/\?shift=\d+$/);
    const shiftId = Number(new URL(page.url()).searchParams.get('shift'));

    await page.getByRole('button', { name: words.continue }).click();
    await expect(page.getByRole('heading', { name: words.problem })).toBeVisible();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.shift-summary')).toBeVisible();
    await expect(page.locator('.shift-summary .demonstration')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await fillPerson(page, locale, 0, people[0]!);
    await page.getByRole('button', { name: words.add }).click();
    // The new person's fieldset appears above the button: the focus goes to their name.
    await expect(page.getByLabel(words.fullName).nth(1)).toBeFocused();
    await fillPerson(page, locale, 1, people[1]!);
    await page.getByLabel(words.phone).fill(contact);
    await page.getByLabel(words.consent).check();
    await page.getByRole('button', { name: words.continue }).click();

    // Each step takes the focus to its heading, not back to the top of the page.
    await expect(page.getByRole('heading', { name: words.check })).toBeFocused();
    await expect(page.getByText(people[0]!.full_name)).toBeVisible();
    await page.getByRole('button', { name: words.confirm }).click();
    await expect(page.getByRole('heading', { name: words.done })).toBeFocused();
    // A campaign of real figures: neither the book page nor the ticket carries a demonstration note.
    await expect(page.locator('.demonstration')).toHaveCount(0);

    const codes = await page.locator('.ticket-code').allTextContents();
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{5}$/);
    const queue = (await page.locator('.ticket-queue').allTextContents()).map(Number);
    expect(queue[1]).toBe(queue[0]! + 1);
    await expect(page.getByRole('img', { name: new RegExp(codes[0]!) }).locator('svg')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: words.calendar }).click();
    const calendar = await readFile(await (await download).path(), 'utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar.replace(/\r\n[ \t]/g, '')).toContain(codes[0]!);

    // Later, on another device: the code and the phone.
    const device = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const other = await device.newPage();
    await other.goto(`${new URL(page.url()).origin}/${locale}/booking/`);
    await other.getByLabel(words.code, { exact: true }).fill(codes[0]!.toLowerCase());
    await other.getByLabel(words.lookupPhone).fill(contact);
    await other.getByRole('button', { name: words.find }).click();
    await expect(other.locator('.ticket-code')).toHaveText(codes);
    await expectNoSeriousA11yViolations(other);

    await other.getByRole('button', { name: words.move }).click();
    await other.getByRole('button', { name: words.moveHere }).first().click();
    await expect(other.getByText(words.moved)).toBeVisible();
    const [moved] = await sql<{ shift_id: string }>('select shift_id from public.bookings where code = $1', [codes[0]!.replace('-', '')]);
    expect(Number(moved!.shift_id)).not.toBe(shiftId);

    // One person first: the banner says who, and that the other keeps their place.
    await other.getByRole('button', { name: words.cancel }).click();
    await other.getByRole('radio', { name: people[1]!.full_name }).check();
    await other.getByRole('button', { name: words.confirmCancel }).click();
    await expect(other.getByText(words.cancelledPartly(people[1]!.full_name))).toBeVisible();
    await other.getByRole('button', { name: words.cancel }).click();
    await other.getByRole('button', { name: words.confirmCancel }).click();
    await expect(other.getByText(words.cancelled)).toBeVisible();
    const statuses = await sql<{ status: string }>('select status from public.bookings where code = any($1)', [codes.map((c) => c.replace('-', ''))]);
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    await device.close();
  });

  test(`[${locale}] a shift that fills up while the form is open says so where the focus goes, shows its places left, and offers the nearest shifts with places`, async ({ page }) => {
    const { shiftId } = await bookableShift('19786', 1);
    await page.goto(`/${locale}/book/?shift=${shiftId}`);
    await fillPerson(page, locale, 0, person());
    await page.getByLabel(words.phone).fill(phone());
    await page.getByLabel(words.consent).check();
    await page.getByRole('button', { name: words.continue }).click();
    // Someone else takes the last places meanwhile.
    await sql('update public.shifts set booked = capacity where id = $1', [shiftId]);
    await page.getByRole('button', { name: words.confirm }).click();
    // The refusal is read out (a live region) and takes the focus: the button that sent it is gone.
    const refusal = page.locator('[aria-live="polite"] .notice-error');
    await expect(refusal).toHaveText(words.full);
    await expect(refusal).toBeFocused();
    await expect(page.locator('.shift-summary')).toContainText(words.placesLeft(0));
    // Each "Choose this shift" says which shift it is.
    const alternatives = page.getByRole('link', { name: words.chooseAlternative });
    await expect(alternatives.first()).toBeVisible();
    expect(await alternatives.count()).toBe(await page.locator('.alternative-list li').count());
    expect(new Set(await alternatives.evaluateAll((links) => links.map((link) => link.textContent))).size).toBe(await alternatives.count());
    // The way back to the schedules keeps the shift's campaign.
    const [campaign] = await sql<{ slug: string }>(
      `select c.slug from public.shifts sh join public.intake_sessions s on s.id = sh.session_id
       join public.campaigns c on c.id = s.campaign_id where sh.id = $1`,
      [shiftId],
    );
    await expect(page.getByRole('link', { name: words.chooseAnother })).toHaveAttribute('href', `/${locale}/schedules/?campaign=${campaign!.slug}`);
    await expectNoSeriousA11yViolations(page);
    await alternatives.first().click();
    await expect(page).toHaveURL(/\?shift=\d+/);
    expect(new URL(page.url()).searchParams.get('shift')).not.toBe(String(shiftId));
  });

  test(`[${locale}] a shift left with fewer places than the people booked says how many, and offers only shifts that can take them all`, async ({ page }) => {
    const { shiftId } = await bookableShift('19786', 2);
    await page.goto(`/${locale}/book/?shift=${shiftId}`);
    await fillPerson(page, locale, 0, person());
    await page.getByRole('button', { name: words.add }).click();
    await fillPerson(page, locale, 1, person());
    await page.getByLabel(words.phone).fill(phone());
    await page.getByLabel(words.consent).check();
    await page.getByRole('button', { name: words.continue }).click();
    await sql('update public.shifts set booked = capacity - 1 where id = $1', [shiftId]);
    await page.getByRole('button', { name: words.confirm }).click();
    await expect(page.locator('[aria-live="polite"] .notice-error')).toHaveText(words.fewer);
    await expect(page.locator('[aria-live="polite"] .notice-error')).toBeFocused();
    await expect(page.locator('.shift-summary')).toContainText(words.placesLeft(1));
    await expect(page.getByRole('link', { name: words.chooseAlternative }).first()).toBeVisible();
    const offered = await page.getByRole('link', { name: words.chooseAlternative }).evaluateAll((links) => links.map((link) => Number(new URL((link as HTMLAnchorElement).href).searchParams.get('shift'))));
    const places = await sql<{ left: number }>('select capacity - booked as left from public.shifts where id = any($1)', [offered]);
    expect(places.length).toBe(offered.length);
    for (const { left } of places) expect(left).toBeGreaterThanOrEqual(2);
    // Moved back to the form, the person may drop someone instead: the form's heading has the focus.
    await page.getByRole('button', { name: words.change }).click();
    await expect(page.getByRole('heading', { name: words.formHeading })).toBeFocused();
  });
}

test('the booking form works with the keyboard alone: the error summary leads to each field, arrows choose, space ticks', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const words = texts.en;
  const who = person();
  const [year, month, day] = who.birth_date.split('-');
  await page.goto(`/en/book/?shift=${shiftId}`);
  const fullName = page.getByLabel(words.fullName);
  await fullName.waitFor();
  /** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
  async function tabTo(target: ReturnType<typeof page.getByLabel>) {
    for (let presses = 0; presses < 40 && !(await target.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  }

  // Enter in an empty form sends it: the summary takes the focus and its first link leads to the name.
  await tabTo(fullName);
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Enter the person’s full name, as on their birth certificate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fullName).toBeFocused();

  await page.keyboard.type(who.full_name);
  for (const part of [Number(day), Number(month), year]) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(part));
  }
  await page.keyboard.press('Tab'); // the ID number, left empty
  await page.keyboard.press('Tab');
  const kinds = page.getByRole('group', { name: 'Kind of application' }).getByRole('radio');
  await expect(kinds.first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(kinds.first()).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(words.kind)).toBeChecked();

  // Adding a person takes the focus to their name.
  await tabTo(page.getByRole('button', { name: words.add }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(words.fullName).nth(1)).toBeFocused();
  await page.keyboard.type('Trần Thị Bình');
  await page.getByRole('button', { name: words.add }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(words.fullName).nth(2)).toBeFocused();
  await page.keyboard.type('Lê Văn Cường');
  // Removing one leaves the focus on the person now in their place, which a second Enter does not remove.
  await page.getByRole('button', { name: words.remove }).focus();
  await page.keyboard.press('Enter');
  const second = page.getByRole('group', { name: 'Person 2', exact: true });
  await expect(second).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Person 2 removed.' })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(second.getByLabel(words.fullName)).toHaveValue('Lê Văn Cường');
  // The last one removed: the one before it.
  await page.getByRole('button', { name: words.remove }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Person 1', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(words.fullName)).toHaveValue(who.full_name);
  await tabTo(page.getByLabel(words.phone));
  await page.keyboard.type(phone());
  // The box for messages comes first, unticked: passing it by sends none.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^Send me messages about this/)).toBeFocused();
  await expect(page.getByLabel(/^Send me messages about this/)).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(words.consent)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(words.consent)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: words.continue })).toBeFocused();
  await page.keyboard.press('Enter');

  // The next step starts at its heading: Tab goes on from there.
  await expect(page.getByRole('heading', { name: words.check })).toBeFocused();
  await tabTo(page.getByRole('button', { name: words.confirm }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: words.done })).toBeFocused();
});

test('a saved ticket shows on the booking page without a network', async ({ page, context }) => {
  const { shiftId } = await bookableShift('19786', 1);
  await page.goto(`/en/book/?shift=${shiftId}`);
  await fillPerson(page, 'en', 0, person());
  await page.getByLabel(texts.en.phone).fill(phone());
  // The consent text is the one of the law in force today, which it names; the booking records it.
  await expect(page.getByText(`Legal basis: ${consentTextInForce(todayInVietnam())!.source.en}.`)).toBeVisible();
  await page.getByLabel(texts.en.consent).check();
  await page.getByRole('button', { name: texts.en.continue }).click();
  await page.getByRole('button', { name: texts.en.confirm }).click();
  const code = await page.locator('.ticket-code').first().textContent();
  expect(await sql('select g.consent_text_id from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1', [code?.replace(/\W/g, '')]))
    .toEqual([{ consent_text_id: consentTextInForce(todayInVietnam())!.id }]);
  // The booking page and its assets are precached once the service worker is ready.
  await page.goto('/en/booking/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.getByRole('button', { name: `Show ticket ${code}` }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: `Show ticket ${code}` }).click();
  await expect(page.getByText(/offline/)).toBeVisible();
  await expect(page.locator('.ticket-code')).toHaveText([code!]);
  // The button that was pressed is gone: the ticket starts at its heading.
  await expect(page.getByRole('heading', { name: 'Your booking', level: 2 })).toBeFocused();
});

test('an answer lost on the way back is retried with the same key and books once', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const someone = person();
  let calls = 0;
  // The first booking call reaches the database, but its answer never reaches the phone.
  await page.route('**/rest/v1/rpc/book_places', async (route) => {
    calls += 1;
    if (calls === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await page.goto(`/en/book/?shift=${shiftId}`);
  await fillPerson(page, 'en', 0, someone);
  await page.getByLabel(texts.en.phone).fill(phone());
  await page.getByLabel(texts.en.consent).check();
  await page.getByRole('button', { name: texts.en.continue }).click();
  await page.getByRole('button', { name: texts.en.confirm }).click();
  await expect(page.getByRole('heading', { name: texts.en.done })).toBeVisible();
  expect(calls).toBe(2);
  const rows = await sql<{ code: string }>('select code from public.bookings where full_name = $1', [someone.full_name]);
  expect(rows).toHaveLength(1);
  await expect(page.locator('.ticket-code')).toHaveText([`${rows[0]!.code.slice(0, 4)}-${rows[0]!.code.slice(4)}`]);
});

test('when officers cancel a session, the booking page says so and offers the nearest shifts with places', async ({ page }) => {
  // A session of its own: cancelling it must not touch the other tests' shifts.
  const { shiftId, sessionId } = await freshShift('19786');
  const code = await bookOnePerson(page, 'en', shiftId);
  await sql("update public.intake_sessions set cancelled_at = now(), cancel_reason = 'Power cut in the ward' where id = $1", [sessionId]);
  await page.getByRole('link', { name: texts.en.manage }).click();
  await expect(page.locator('.ticket-code')).toHaveText([code]);
  await expect(page.getByText('This session has been cancelled: Power cut in the ward')).toBeVisible();
  await expect(page.getByText(/Your session was cancelled/)).toBeVisible();
  await page.getByRole('button', { name: texts.en.moveHere }).first().click();
  await expect(page.getByText(texts.en.moved)).toBeVisible();
  const [moved] = await sql<{ shift_id: string }>('select shift_id from public.bookings where code = $1', [code.replace('-', '')]);
  expect(Number(moved!.shift_id)).not.toBe(shiftId);
  await expectNoSeriousA11yViolations(page);
});
