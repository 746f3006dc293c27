// Private links stay with their owner. On a family's shared phone one tab opens link A, then link
// B: the page shows B alone and B's buttons act on B. A ticket's QR code is the booking page's
// address with the code (no token), which opens the lookup by code and phone, and which the
// officers' scanner reads as well as a bare code. Without a network, a home visit's status page
// still shows the request's code and the status the phone last read.
import { expect, test, type Page } from '@playwright/test';
import qrcode from 'qrcode-generator';
import { formatCode } from '../../src/domain/booking-code.ts';
import { todayInVietnam } from '../../src/domain/dates.ts';
import { homeVisitRequestSchema, homeVisitViewSchema, toRequestPayload } from '../../src/domain/home-visit.ts';
import { manageLinkHash } from '../../src/domain/manage-link.ts';
import { lookupHash } from '../../src/domain/ticket-link.ts';
import { formatDate } from '../../src/lib/format.ts';
import { consentInForce, idempotencyKey, person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookableShift, freshShift, sql } from './support/db.ts';
import { fillHomeVisitRequest } from './support/home-visit-form.ts';
import { bookAPlace, publicRpc } from './support/public-rpc.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

/** A home visit asked for a made-up person in Phú Hội, as the request form sends it. */
async function askForHomeVisit(): Promise<{ code: string; token: string; fullName: string }> {
  const someone = person();
  const request = homeVisitRequestSchema.parse({
    full_name: someone.full_name,
    birth_date: someone.birth_date,
    reason: 'elderly',
    ward: '19786',
    street_address: '12 kiệt 5 Nguyễn Công Trứ',
    lat: null,
    lng: null,
    needs: [],
    preferred_days: ['1', '3'],
    preferred_periods: ['morning'],
    requester_name: 'Trần Văn Hùng',
    requester_phone: phone(),
    relationship: 'child',
    messages: null,
    consent: consentInForce,
    campaign: 'thua-thien-hue-2021',
  });
  const view = await publicRpc('request_home_visit', { p_request: toRequestPayload(request), p_idempotency_key: idempotencyKey() }, homeVisitViewSchema);
  return { code: view.code, token: view.token ?? '', fullName: someone.full_name };
}

/** The status of the rows of `table` whose `column` holds each of `values`, in that order. */
async function statusesOf(table: 'bookings' | 'home_visit_requests', column: 'code' | 'full_name', values: string[]): Promise<(string | undefined)[]> {
  const rows = await sql<{ key: string; status: string }>(`select ${column} as key, status from public.${table} where ${column} = any($1)`, [values]);
  return values.map((value) => rows.find((row) => row.key === value)?.status);
}

/**
 * Opens `url` as a person does by following another link in the same tab: only the fragment
 * changes, so the page is not loaded again. Fails unless it really was the same document.
 */
async function followInSameTab(page: Page, url: string) {
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  await page.goto(url);
  expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true);
}

test('a second private link opened in the same tab shows that booking alone, and its buttons act on it', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 2);
  const [first, second] = [await bookAPlace(shiftId), await bookAPlace(shiftId)];
  await page.goto(`/vi/booking/${manageLinkHash(first)}`);
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(first.code)]);
  await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
  await expect(page.getByRole('button', { name: 'Xác nhận hủy' })).toBeVisible();

  await followInSameTab(page, `/vi/booking/${manageLinkHash(second)}`);
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(second.code)]);
  await expect(page.getByText(second.fullName)).toBeVisible();
  await expect(page.getByText(first.fullName)).toHaveCount(0);
  // The cancel question asked about the first booking is gone with it.
  await expect(page.getByRole('button', { name: 'Xác nhận hủy' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
  await page.getByRole('button', { name: 'Xác nhận hủy' }).click();
  await expect(page.getByText('Đã hủy. Bạn có thể đặt lại bất cứ lúc nào.')).toBeVisible();
  expect(await statusesOf('bookings', 'code', [first.code, second.code])).toEqual(['confirmed', 'cancelled']);
});

/** A token of the right shape that is not the booking's: a link cut to a plausible length, or the one of a booking made again. */
const wrongToken = 'x'.repeat(43);

test('a private link the server refuses says so once, online, and offers the lookup with its code', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const booking = await bookAPlace(shiftId);
  const refusedLink = `/vi/booking/${manageLinkHash({ code: booking.code, token: wrongToken })}`;
  const expectRefusedLink = async () => {
    await expect(page.getByText('Liên kết này không dùng được: có thể đã bị cắt ngắn hoặc lịch hẹn đã được đặt lại.', { exact: false })).toBeVisible();
    // Nothing about a phone number nobody typed, nor about a network that answered.
    await expect(page.getByText('số điện thoại phải là số đã khai', { exact: false })).toHaveCount(0);
    await expect(page.getByText('không có mạng', { exact: false })).toHaveCount(0);
    await expect(page.locator('.ticket-code')).toHaveCount(0);
    await expect(page.getByLabel('Mã đặt chỗ', { exact: true })).toHaveValue(formatCode(booking.code));
    await expect(page.getByLabel('Số điện thoại đã dùng khi đặt')).toBeFocused();
  };

  // A phone that never saw the booking.
  await page.goto(refusedLink);
  await expectRefusedLink();
  await expectNoSeriousA11yViolations(page);

  // A phone that has its ticket saved (opened by the right link first).
  await followInSameTab(page, `/vi/booking/${manageLinkHash(booking)}`);
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(booking.code)]);
  await followInSameTab(page, refusedLink);
  await expectRefusedLink();
  await page.keyboard.type(booking.phone);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(booking.code)]);

  // Only when the network really fails does the page show the copy saved on this phone, saying so.
  await page.route('**/rest/v1/rpc/lookup_booking', (route) => route.abort('internetdisconnected'));
  await followInSameTab(page, `/vi/booking/${manageLinkHash(booking)}`);
  await expect(page.getByText('Bạn đang xem bản lưu trên máy (không có mạng)', { exact: false })).toBeVisible();
  await expect(page.getByText('Liên kết này không dùng được', { exact: false })).toHaveCount(0);
});

test('a private link that came incomplete says so, with its code filled in the lookup when it has one', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const booking = await bookAPlace(shiftId);
  const incomplete = 'Liên kết này không đầy đủ';
  for (const hash of [`#code=${booking.code}&t=${booking.token.slice(0, 3)}`, `#code=${booking.code}`]) {
    await page.goto(`/vi/booking/${hash}`);
    await expect(page.getByText(incomplete, { exact: false })).toBeVisible();
    await expect(page.getByLabel('Mã đặt chỗ', { exact: true })).toHaveValue(formatCode(booking.code));
    await expect(page.getByLabel('Số điện thoại đã dùng khi đặt')).toBeFocused();
  }
  await expectNoSeriousA11yViolations(page);
  await page.goto('/en/booking/#code=garbage&t=');
  await expect(page.getByText('This link is incomplete', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Booking code', { exact: true })).toHaveValue('');
  // The page without a link, or a ticket's lookup, tells nothing of the kind.
  await page.goto(`/vi/booking/${lookupHash(booking.code)}`);
  await expect(page.getByLabel('Mã đặt chỗ', { exact: true })).toHaveValue(formatCode(booking.code));
  await expect(page.getByText(incomplete, { exact: false })).toHaveCount(0);
});

test('“Xem vé” on a saved ticket takes focus to the ticket’s heading, online and offline', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const booking = await bookAPlace(shiftId);
  await page.goto(`/vi/booking/${manageLinkHash(booking)}`);
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(booking.code)]);
  await page.getByRole('button', { name: 'Tìm lịch hẹn khác' }).click();
  const show = page.getByRole('button', { name: `Xem vé ${formatCode(booking.code)}` });
  await show.click();
  await expect(page.getByRole('heading', { name: 'Lịch hẹn của bạn' })).toBeFocused();
  await expect(page.getByText('không có mạng', { exact: false })).toHaveCount(0);

  await page.getByRole('button', { name: 'Tìm lịch hẹn khác' }).click();
  await page.route('**/rest/v1/rpc/lookup_booking', (route) => route.abort('internetdisconnected'));
  await show.click();
  await expect(page.getByText('Bạn đang xem bản lưu trên máy (không có mạng)', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lịch hẹn của bạn' })).toBeFocused();
});

test('a ticket’s QR code is the booking page’s address with the code alone, which opens the lookup filled in', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 1);
  const booking = await bookAPlace(shiftId);
  await page.goto(`/en/booking/${manageLinkHash(booking)}`);
  const qrUrl = new URL(`/en/booking/${lookupHash(booking.code)}`, page.url()).href;
  expect(qrUrl).not.toContain(booking.token);
  // The QR drawn on the ticket is the one of that address.
  const expected = qrcode(0, 'M');
  expected.addData(qrUrl);
  expected.make();
  const drawn = page.getByRole('img', { name: `QR code of booking code ${formatCode(booking.code)}` }).locator('path');
  await expect(drawn).toHaveAttribute('d', /^M/);
  expect(await drawn.getAttribute('d')).toBe(/ d="([^"]+)"/.exec(expected.createSvgTag({ cellSize: 4, margin: 2, scalable: true }))![1]);

  // Followed in the same tab (a camera app may reuse it): the booking shown before goes, the form comes filled in.
  await followInSameTab(page, qrUrl);
  await expect(page.locator('.ticket-code')).toHaveCount(0);
  await expect(page.getByLabel('Booking code', { exact: true })).toHaveValue(formatCode(booking.code));
  await expect(page.getByLabel('Phone number used to book')).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.type(booking.phone);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ticket-code')).toHaveText([formatCode(booking.code)]);
});

test('the officers’ scanner checks a citizen in from the ticket’s address, and from a bare code', async ({ page }) => {
  const { shiftId } = await freshShift('19786');
  const [byAddress, byCode] = [await bookAPlace(shiftId), await bookAPlace(shiftId)];
  // The phone's camera and its QR reader: each frame reads what window.qrText holds.
  await page.addInitScript(() => {
    Object.assign(window, {
      qrText: '',
      BarcodeDetector: class {
        static getSupportedFormats() {
          return Promise.resolve(['qr_code']);
        }
        detect() {
          return Promise.resolve([{ rawValue: (window as unknown as { qrText: string }).qrText }]);
        }
      },
    });
    navigator.mediaDevices.getUserMedia = () => {
      const canvas = document.createElement('canvas');
      canvas.getContext('2d')!.fillRect(0, 0, canvas.width, canvas.height);
      return Promise.resolve(canvas.captureStream());
    };
  });
  const scan = async (text: string) => {
    await page.evaluate((value) => Object.assign(window, { qrText: value }), text);
    await page.getByRole('button', { name: 'Quét mã QR' }).click();
  };
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  await expect(page.getByRole('table')).toBeVisible();

  // A private link is not a ticket's code: the scanner says so and goes on reading.
  await scan(new URL(`/vi/booking/${manageLinkHash(byAddress)}`, page.url()).href);
  await expect(page.getByText('Mã QR vừa quét không phải mã đặt chỗ. Hãy quét mã trên phiếu hẹn.')).toBeVisible();
  await page.evaluate((value) => Object.assign(window, { qrText: value }), new URL(`/en/booking/${lookupHash(byAddress.code)}`, page.url()).href);
  await expect(page.getByText(`Đã tiếp nhận số ${byAddress.queueNo}: ${byAddress.fullName}.`)).toBeVisible();

  await scan(byCode.code);
  await expect(page.getByText(`Đã tiếp nhận số ${byCode.queueNo}: ${byCode.fullName}.`)).toBeVisible();
});

test('a second home-visit status link opened in the same tab shows that request alone, and its buttons act on it', async ({ page }) => {
  const [first, second] = [await askForHomeVisit(), await askForHomeVisit()];
  await page.goto(`/vi/home-visit/status/${manageLinkHash(first)}`);
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã nhận' })).toBeVisible();
  await expect(page.getByText(first.fullName).first()).toBeVisible();
  await page.getByLabel('Thứ Bảy').check();
  await page.getByRole('button', { name: 'Hủy đề nghị' }).click();

  await followInSameTab(page, `/vi/home-visit/status/${manageLinkHash(second)}`);
  await expect(page.getByText(second.fullName).first()).toBeVisible();
  await expect(page.getByText(first.fullName)).toHaveCount(0);
  // Neither the day ticked nor the cancel question of the first request stays.
  await expect(page.getByLabel('Thứ Bảy')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Đồng ý hủy' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Hủy đề nghị' }).click();
  await page.getByRole('button', { name: 'Đồng ý hủy' }).click();
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hủy' })).toBeVisible();
  expect(await statusesOf('home_visit_requests', 'full_name', [first.fullName, second.fullName])).toEqual(['received', 'cancelled']);
});

test('without a network, a home visit’s status page shows the request’s code and the status this phone last read', async ({ page }) => {
  const [seen, neverSeen] = [await askForHomeVisit(), await askForHomeVisit()];
  await page.goto(`/vi/home-visit/status/${manageLinkHash(seen)}`);
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã nhận' })).toBeVisible();

  await page.route('**/rest/v1/rpc/home_visit_status', (route) => route.abort('internetdisconnected'));
  await page.reload();
  // It is a home-visit request the page could not read, not a booking.
  await expect(page.getByRole('alert')).toHaveText(/^Không kết nối được để xem tình trạng đề nghị làm thẻ tại nhà\./);
  // The error and what the phone knows stand apart.
  const errorBox = (await page.getByRole('alert').boundingBox())!;
  const knownBlock = (await page.getByText('Không có mạng, đây là thông tin máy này đã biết').boundingBox())!;
  expect(knownBlock.y - (errorBox.y + errorBox.height)).toBeGreaterThanOrEqual(16);
  const kept = page.locator('.summary-list');
  await expect(kept.getByRole('term')).toHaveText(['Mã đề nghị', 'Tình trạng xem lần gần nhất']);
  await expect(kept.getByRole('definition').first()).toHaveText(formatCode(seen.code));
  await expect(kept.getByRole('definition').nth(1)).toHaveText(new RegExp(`^Đã nhận \\(xem lúc ${formatDate('vi', todayInVietnam())}, \\d{2}:\\d{2}\\)$`));
  // Only the code and the status are kept on the phone, not the person.
  await expect(page.getByText(seen.fullName)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // A link this phone never opened online: its code, from the link itself, and nothing more.
  await followInSameTab(page, `/vi/home-visit/status/${manageLinkHash(neverSeen)}`);
  await expect(page.locator('.summary-list').getByRole('definition')).toHaveText([formatCode(neverSeen.code)]);

  await page.goto(`/en/home-visit/status/${manageLinkHash(seen)}`);
  await expect(page.getByRole('alert')).toHaveText(/^Could not connect to check your home-visit request\./);
});

test('a request sent from this phone keeps its code and status for the status page, which the network then fails', async ({ page }) => {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillHomeVisitRequest(page, person().full_name, phone());
  await page.getByLabel('Số điện thoại di động').fill(phone());
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  const code = await page.locator('.home-visit-receipt .ticket-code').textContent();

  await page.route('**/rest/v1/rpc/home_visit_status', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Xem tình trạng' }).click();
  await expect(page.getByRole('alert')).toContainText('Không kết nối được');
  await expect(page.locator('.summary-list').getByRole('definition')).toHaveText([code!, /^Đã nhận \(xem lúc /]);
});
