import { expect, test, type Page } from '@playwright/test';
import { consentTextInForce } from '../../src/domain/consent-texts.ts';
import { todayInVietnam } from '../../src/domain/dates.ts';
import { reasons as reasonKinds } from '../../src/domain/home-visit.ts';
import { formatDayLong } from '../../src/lib/format.ts';
import { person } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { fillHomeVisitRequest } from './support/home-visit-form.ts';
import { sql } from './support/db.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

// A family member asks for a home visit in Vietnamese, the Phú Hội officer schedules it and marks
// it done, and the private status link shows each step. One person per run: a second active
// request for the same person would be refused.
const citizen = person().full_name;

test.describe.configure({ mode: 'serial' });

// The map's tiles come from openstreetmap.org: the tests never fetch them.
test.beforeEach(async ({ page }) => {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
});

let statusLink = '';

const fillRequest = (page: Page, name = citizen) => fillHomeVisitRequest(page, name);

test('a family member asks for a home visit in Vietnamese, the status shows it received, and the days that suit can still change', async ({ page }) => {
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await expect(page.getByRole('heading', { level: 1, name: 'Đề nghị cán bộ đến làm thẻ tại nhà' })).toBeVisible();
  // The guide's own papers section, not a copy of it.
  await expect(page.getByRole('heading', { name: 'Giấy tờ cần mang theo' })).toBeVisible();
  // The consent text is the one of the law in force today, which it names.
  await expect(page.getByText(`Căn cứ: ${consentTextInForce(todayInVietnam())!.source.vi}.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Hãy chọn lý do người này không thể đi đến điểm cấp');
  await expect(page.locator('.error-summary')).toContainText('Hãy chọn xã, phường nơi người này đang ở');
  // A radio group and a select with an error: each input is aria-invalid and described by its error.
  const reasons = page.getByRole('group', { name: 'Vì sao người này không thể đi đến điểm cấp?' });
  await expect(reasons).toHaveAccessibleDescription(/^Lỗi: Hãy chọn lý do người này không thể đi đến điểm cấp/);
  await expect(reasons.getByRole('radio')).toHaveCount(reasonKinds.length);
  for (const radio of await reasons.getByRole('radio').all()) await expect(radio).toHaveAttribute('aria-invalid', 'true');
  for (const [label, error] of [
    // The campaign's province is chosen, no district yet: the address's error is at the district, the picker to act on.
    ['Quận, huyện, thị xã', 'Hãy chọn xã, phường nơi người này đang ở'],
    ['Bạn là gì của người cần làm thẻ?', 'Hãy chọn quan hệ của bạn với người cần làm thẻ'],
  ]) {
    await expect(page.getByLabel(label!)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(label!)).toHaveAccessibleDescription(`Lỗi: ${error}`);
  }
  // The ward is disabled until a district is chosen: the summary's link leads to the district.
  await expect(page.getByLabel('Xã, phường, thị trấn')).toBeDisabled();
  await expect(page.getByLabel('Xã, phường, thị trấn')).not.toHaveAttribute('aria-invalid');
  await page.getByRole('link', { name: 'Hãy chọn xã, phường nơi người này đang ở' }).click();
  await expect(page.getByLabel('Quận, huyện, thị xã')).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await fillRequest(page, citizen);
  // The family asks to be told of the visit by message, at the phone given and by e-mail.
  await page.getByLabel(/^Gửi tin nhắn cho tôi về việc này/).check();
  await page.getByLabel('Thư điện tử (không bắt buộc)').fill('hung.tran@example.vn');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhận đề nghị' })).toBeVisible();
  statusLink = await page.getByLabel('Đường liên kết riêng để theo dõi').inputValue();
  expect(statusLink).toMatch(/\/vi\/home-visit\/status\/#code=[0-9A-Z]{9}&t=[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Xem tình trạng' }).click();
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã nhận' })).toBeVisible();
  await expect(page.getByText(citizen).first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Đã nhận đề nghị' })).toBeVisible();
  // While the visit is ahead, the status page says what to prepare, as the request page does.
  await expect(page.getByRole('heading', { name: 'Những gì cần chuẩn bị ở nhà' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Giấy tờ cần mang theo' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Not yet scheduled: the family changes the days that suit, and the history says so.
  await page.getByLabel('Thứ Bảy').check();
  await page.getByRole('button', { name: 'Lưu thời gian' }).click();
  await expect(page.getByText('Đã lưu thời gian thuận tiện.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Thứ Hai, Thứ Tư, Thứ Bảy · Buổi sáng' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Đã đổi ngày thuận tiện: Thứ Hai, Thứ Tư, Thứ Bảy · Buổi sáng' })).toBeVisible();

  // The same person again from another phone: refused without a word about the open request.
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillRequest(page, citizen);
  await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByText('Đã có đề nghị đang chờ cho người này. Công an xã, phường sẽ gọi điện cho gia đình, nên không cần gửi thêm.')).toBeVisible();
  await expect(page.getByText(/mã [0-9A-Z]{3}/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Mở đề nghị đã gửi' })).toHaveCount(0);

  // From the phone that sent it, the name typed without diacritics: pointed to the open request.
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillRequest(page, citizen.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'));
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByText(/Số điện thoại này đã gửi đề nghị cho người này tại địa chỉ này và đề nghị vẫn đang chờ: mã/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mở đề nghị đã gửi' })).toBeVisible();
});

test('the officer schedules the visit in the console and the status shows its date and window', async ({ page }) => {
  await signInAsCommuneOfficer(page);
  await page.getByRole('link', { name: 'Làm thẻ tại nhà' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Làm thẻ tại nhà' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: citizen }) });
  await expect(card).toContainText('Nằm liệt giường');
  await expectNoSeriousA11yViolations(page);

  await card.getByRole('button', { name: 'Hẹn lịch' }).click();
  await card.getByLabel('Liên hệ tổ công tác (tên và số điện thoại)').fill('');
  await card.getByRole('button', { name: 'Lưu lịch hẹn' }).click();
  await expect(card.locator('.error-summary')).toContainText('Hãy nhập liên hệ của tổ công tác');
  await card.getByLabel('Từ', { exact: true }).fill('08:30');
  await card.getByLabel('Đến', { exact: true }).fill('10:00');
  await card.getByLabel('Liên hệ tổ công tác (tên và số điện thoại)').fill('Đại úy Lê Văn An, 0905 000 111');
  await expectNoSeriousA11yViolations(page);
  await card.getByRole('button', { name: 'Lưu lịch hẹn' }).click();
  await expect(page.getByText(`Đã hẹn lịch đến nhà ${citizen}.`)).toBeVisible();
  // The family is told, in the language of the page they asked on.
  const code = /#code=([0-9A-Z]{9})/.exec(statusLink)![1]!;
  expect(await sql("select event, lang, email from public.outbox_messages where payload -> 'codes' ? $1", [code]))
    .toEqual([{ event: 'home_visit_scheduled', lang: 'vi', email: 'hung.tran@example.vn' }]);
  // The form closes and focus goes back to the card it was about.
  await expect(card.getByRole('button', { name: 'Lưu lịch hẹn' })).toHaveCount(0);
  await expect(card.getByRole('heading', { name: citizen })).toBeFocused();

  await page.goto(statusLink);
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hẹn lịch' })).toBeVisible();
  const window = `${formatDayLong('vi', todayInVietnam())}, từ 08:30 đến 10:00`;
  await expect(page.locator('.status-box')).toContainText(window);
  await expect(page.locator('.status-box')).toContainText('Đại úy Lê Văn An, 0905 000 111');
  // Once scheduled, the family no longer changes or cancels online.
  await expect(page.getByRole('button', { name: 'Hủy đề nghị' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('the officer finds the visit on the day’s list and map, marks it done, and the status shows done', async ({ page }) => {
  await signInAsCommuneOfficer(page);
  await page.goto('/vi/staff/home-visits/');
  await page.getByRole('button', { name: 'Lịch trong ngày' }).click();
  await expect(page.getByRole('heading', { name: /Phường Phú Hội: \d+ lượt/ })).toBeVisible();
  await page.getByRole('button', { name: 'Xem trên bản đồ' }).click();
  // Placed at the district's centre: the request shared no location.
  await expect(page.getByRole('region', { name: 'Bản đồ các lượt đến nhà trong ngày' }).locator(`.leaflet-marker-icon[title="${citizen}"]`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: citizen }) });
  await card.getByRole('button', { name: 'Đã làm xong' }).click();
  await card.getByRole('button', { name: 'Lưu: đã làm xong' }).click();
  await expect(page.getByText(`Đã lưu kết quả của ${citizen}.`)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Lưu: đã làm xong' })).toHaveCount(0);
  await expect(card.getByRole('heading', { name: citizen })).toBeFocused();

  await page.goto(statusLink);
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hoàn thành' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Đã tiếp nhận hồ sơ tại nhà' })).toBeVisible();
  // The visit is over: nothing left to prepare.
  await expect(page.getByRole('heading', { name: 'Những gì cần chuẩn bị ở nhà' })).toBeHidden();
  await expectNoSeriousA11yViolations(page);
});

test('a scheduled visit whose day passed is listed first and marked overdue; closing it from the list keeps the focus', async ({ page }) => {
  const late = person().full_name;
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillRequest(page, late);
  await page.getByLabel('Số điện thoại di động').fill('0913 222 333');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhận đề nghị' })).toBeVisible();
  // Scheduled for three days ago, and nobody recorded how it went.
  await sql(
    `update public.home_visit_requests set status = 'scheduled', scheduled_on = current_date - 3, scheduled_from = '08:00', scheduled_to = '09:00',
       team_contact = 'Tổ 2, 0905 000 111' where full_name = $1 and status = 'received'`,
    [late],
  );

  await signInAsCommuneOfficer(page);
  await page.goto('/vi/staff/home-visits/');
  const first = page.locator('.staff-sessions > li').first();
  await expect(first.getByRole('heading', { name: late })).toBeVisible();
  await expect(first).toContainText('Quá hạn: đã qua ngày hẹn mà chưa ghi kết quả.');
  await expectNoSeriousA11yViolations(page);

  await first.getByRole('button', { name: 'Không thực hiện được' }).click();
  await first.getByLabel('Ghi chú cho gia đình').fill('Gia đình báo cụ đã đi viện');
  await first.getByRole('button', { name: 'Lưu: không thực hiện được' }).click();
  // The closed request leaves the list of open ones: focus goes to the announcement.
  const saved = page.getByText(`Đã lưu kết quả của ${late}.`);
  await expect(saved).toBeVisible();
  await expect(saved).toBeFocused();
  await expect(page.getByRole('heading', { name: late })).toHaveCount(0);
});

test('a family member who no longer needs the visit cancels it before it is scheduled', async ({ page }) => {
  const other = person().full_name;
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillRequest(page, other);
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await page.getByRole('link', { name: 'Xem tình trạng' }).click();
  await page.getByRole('button', { name: 'Hủy đề nghị' }).click();
  await expect(page.getByText(`Hủy đề nghị làm thẻ tại nhà cho ${other}?`)).toBeVisible();
  await page.getByRole('button', { name: 'Đồng ý hủy' }).click();
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hủy' })).toBeVisible();
  // The cancel section is gone: the news is announced above the status, which takes the focus.
  await expect(page.getByText('Đã hủy đề nghị.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hủy' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Những gì cần chuẩn bị ở nhà' })).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: 'Người gửi đã hủy đề nghị' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu thời gian' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a purged request says its details were deleted', async ({ page }) => {
  const other = person().full_name;
  await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
  await fillRequest(page, other);
  await page.getByLabel('Số điện thoại di động').fill('0914 555 666');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhận đề nghị' })).toBeVisible();
  const link = await page.getByLabel('Đường liên kết riêng để theo dõi').inputValue();
  await sql("update public.home_visit_requests set status = 'cancelled' where full_name = $1", [other]);
  await sql('select private.purge_home_visits(private.today() + 1)');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Tình trạng: Đã hủy' })).toBeVisible();
  await expect(page.getByText(/Thông tin cá nhân của đề nghị này đã được xóa khi hết thời hạn lưu giữ/)).toBeVisible();
  await expect(page.getByText(other)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('the English request page and a status page opened without its link say what to do', async ({ page }) => {
  await page.goto('/en/home-visit/?campaign=thua-thien-hue-2021');
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for a home visit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What to prepare at home' })).toBeVisible();
  await page.goto('/en/home-visit/status/');
  await expect(page.getByText(/Open this page with the private link/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
