import { expect, type Page } from '@playwright/test';
import { person, phone as newPhone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookingWords, bookOnePerson } from './support/booking-form.ts';
import { bookableShift } from './support/db.ts';
import { fillHomeVisitRequest } from './support/home-visit-form.ts';
import { test } from './support/offline-phone.ts';

// The ticket and the home-visit receipt survive without a network: each path starts on a new phone
// profile (no earlier visit to the page it opens offline), takes the network away for real and
// closes the browser at least once, as a citizen's phone does.
const words = {
  ...bookingWords.vi,
  lookupNav: 'Tra cứu lịch hẹn',
  saved: 'Vé đã lưu trên máy này',
  offlineNotice: 'Bạn đang xem bản lưu trên máy (không có mạng); tình trạng có thể đã thay đổi.',
  manage: 'Xem, đổi hoặc hủy lịch hẹn',
};

/** What the ticket says of the visit and of each person (when, where, how to get there; names, codes, queue numbers). */
const ticketText = (page: Page) => page.locator('.ticket-facts, .ticket-people').allInnerTexts();

/** Opens a saved ticket on /vi/booking/ with no network: the saved copy, its codes and its QR codes drawn. */
async function expectSavedTicketOffline(page: Page, code: string, ticket: string[]) {
  await page.getByRole('button', { name: `Xem vé ${code}` }).click();
  await expect(page.getByText(words.offlineNotice)).toBeVisible();
  await expect(page.locator('.ticket-code')).toHaveText([code]);
  expect(await ticketText(page)).toEqual(ticket);
  await expect(page.getByRole('img', { name: `Mã QR của mã đặt chỗ ${code}` }).locator('svg')).toBeVisible();
}

test('(a) booked, the tab closed, then offline: the booking page opens the ticket with its QR code', async ({ phone }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const code = await bookOnePerson(phone.page, 'vi', shiftId);
  const ticket = await ticketText(phone.page);

  await phone.goOffline();
  const page = await phone.reopen();
  await page.goto('/vi/booking/');
  await expect(page.getByRole('heading', { name: words.saved })).toBeVisible();
  await expectSavedTicketOffline(page, code, ticket);
  // Its calendar file too: the library that writes it was precached with the page.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Thêm vào lịch (tệp .ics)' }).click();
  expect((await download).suggestedFilename()).toBe(`cccd-${code.replace("-", "")}.ics`);
  await expectNoSeriousA11yViolations(page);
});

test('(b) offline at once after booking: "Tra cứu lịch hẹn" opens the ticket, and again after the browser is closed', async ({ phone }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const code = await bookOnePerson(phone.page, 'vi', shiftId);
  const ticket = await ticketText(phone.page);

  await phone.goOffline();
  await phone.page.getByRole('navigation').getByRole('link', { name: words.lookupNav }).click();
  await expectSavedTicketOffline(phone.page, code, ticket);

  const page = await phone.reopen();
  await page.goto('/vi/booking/');
  await expectSavedTicketOffline(page, code, ticket);
});

test('(c) the booking page opened online once: offline, "Xem vé" shows the QR code, its generator never loaded before', async ({ phone, page: otherPhone }) => {
  // Booked on another phone; this one opens the private link once, online, and keeps the ticket.
  const { shiftId } = await bookableShift('19786', 1);
  const code = await bookOnePerson(otherPhone, 'vi', shiftId);
  const ticket = await ticketText(otherPhone);
  const link = await otherPhone.getByRole('link', { name: words.manage }).getAttribute('href');
  await phone.page.goto(link!);
  await expect(phone.page.locator('.ticket-code')).toHaveText([code]);
  // The page has finished keeping what it needs offline (a first visit's service worker installs after the load).
  await phone.page.evaluate(() => navigator.serviceWorker.ready);

  await phone.goOffline();
  const page = await phone.reopen();
  await page.goto('/vi/booking/');
  await expectSavedTicketOffline(page, code, ticket);
});

test('a home-visit receipt: its status page opened offline, after the browser was closed, shows the request code', async ({ phone }) => {
  const { page } = phone;
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillHomeVisitRequest(page, person().full_name, newPhone());
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhận đề nghị' })).toBeVisible();
  const statusLink = await page.getByLabel('Đường liên kết riêng để theo dõi').inputValue();
  const code = (await page.locator('.ticket-code').textContent())!;
  await page.getByRole('link', { name: 'Xem tình trạng' }).click();
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã nhận' })).toBeVisible();

  await phone.goOffline();
  const offline = await phone.reopen();
  await offline.goto(statusLink);
  await expect(offline.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(offline.getByText(code).first()).toBeVisible();
});

test('each language has a web app manifest: the site in its language, the brand colour, the booking page as start, its icons', async ({ page, request }) => {
  for (const [locale, name] of [['vi', 'Cấp căn cước công dân gắn chip'], ['en', 'Chip-based citizen ID cards']] as const) {
    await page.goto(`/${locale}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
    const manifest = (await (await request.get(href!)).json()) as { start_url: string; icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest).toMatchObject({ name, lang: locale, start_url: `/${locale}/booking/`, display: 'standalone', theme_color: brand });
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', brand);
    expect((await request.get(manifest.start_url)).ok()).toBe(true);
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const png = await (await request.get(icon.src)).body();
      // A PNG's width and height are the first fields of its IHDR chunk.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  }
});
