import { expect, test } from '@playwright/test';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { person } from '../support/people.ts';
import { bookOnePerson } from './support/booking-form.ts';
import { sql } from './support/db.ts';
import { bookPlaces } from './support/public-rpc.ts';
import { signInAsOfficer, submitSignIn } from './support/staff.ts';

// The demo district officer of Thành phố Huế (474), in every e2e stack.
const officer = 'tp.hue@cccd.local';

const words = {
  vi: {
    signIn: 'Đăng nhập', wrong: /Email hoặc mật khẩu không đúng/,
    signOut: 'Đăng xuất', sessions: 'Buổi tiếp nhận', role: 'Cán bộ công an cấp huyện', problem: 'Có thông tin cần sửa',
  },
  en: {
    signIn: 'Sign in', wrong: /The email or password is wrong/,
    signOut: 'Sign out', sessions: 'Intake sessions', role: 'District police officer', problem: 'There is a problem',
  },
};

for (const locale of ['vi', 'en'] as const) {
  const w = words[locale];

  test(`[${locale}] an officer signs in, sees who they are, stays signed in after a reload and signs out`, async ({ page }) => {
    await page.goto(`/${locale}/staff/`);
    await page.getByRole('button', { name: w.signIn }).click();
    await expect(page.getByRole('heading', { name: w.problem })).toBeVisible();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoSeriousA11yViolations(page);

    await submitSignIn(page, officer, { locale, password: 'not-the-password' });
    await expect(page.locator('.error-summary')).toContainText(w.wrong);

    await signInAsOfficer(page, officer, { locale });
    await expect(page.getByText(w.role)).toBeVisible();
    await expect(page.getByText('Thành phố Huế', { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(page.getByText(w.role)).toBeVisible();

    await page.getByRole('button', { name: w.signOut }).click();
    await expect(page.getByRole('button', { name: w.signIn })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: w.signIn })).toBeVisible();
  });
}

test('a district officer creates a session at a new site in Phú Hội and publishes it, a citizen books it, the officer checks them in by code and calls the number, and the public board shows it', async ({ page, browser }) => {
  const [ward] = await sql<{ name: string }>(`select name from public.admin_units where unit_set = '2021' and code = '19786'`);
  const siteName = `Nhà văn hóa thử ${Date.now()}`;
  const date = addDays(todayInVietnam(), 20);

  await signInAsOfficer(page, officer);
  await page.getByRole('link', { name: 'Buổi tiếp nhận', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Các buổi trong địa bàn' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Tạo buổi tiếp nhận' }).click();
  await page.getByLabel('Thêm địa điểm mới').check();
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Nhập tên địa điểm');

  await page.getByLabel('Tên địa điểm').fill(siteName);
  await page.getByLabel('Loại địa điểm').selectOption({ label: 'Nơi khác' });
  await page.getByLabel('Địa chỉ').fill('12 Chi Lăng, phường Phú Hội');
  await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: ward!.name });
  await page.getByLabel('Vĩ độ').fill('16,4690');
  await page.getByLabel('Kinh độ').fill('107.5960');
  await page.getByLabel('Ngày tiếp nhận').fill(date);
  // The campaign's three shifts are filled in already.
  expect(await page.getByLabel('Bắt đầu').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['07:00', '12:00', '17:00']);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByText(/Đã lưu buổi tiếp nhận/)).toBeVisible();

  const card = page.getByRole('listitem').filter({ has: page.getByText(siteName) });
  await expect(card.getByText('Bản nháp')).toBeVisible();
  await expect(card.locator('.staff-places')).toHaveText(['Đã đặt 0/60 chỗ', 'Đã đặt 0/60 chỗ', 'Đã đặt 0/60 chỗ']);
  await card.getByRole('button', { name: 'Công bố' }).click();
  await expect(card.getByText('Đã công bố', { exact: true })).toBeVisible();
  // 20 days is more than the 15 days of notice: no warning.
  await expect(card.getByText(/ít nhất 15 ngày/)).toHaveCount(0);

  const shifts = await sql<{ id: string; starts_at: Date; capacity: number }>(
    `select s.id, s.starts_at, s.capacity from public.shifts s
     join public.intake_sessions sess on sess.id = s.session_id join public.intake_sites site on site.id = sess.site_id
     where site.name = $1 and sess.session_date = $2 and sess.published order by s.starts_at`,
    [siteName, date],
  );
  expect(shifts.map((s) => [s.starts_at.toISOString(), s.capacity])).toEqual([
    [`${date}T00:00:00.000Z`, 60],
    [`${date}T05:00:00.000Z`, 60],
    [`${date}T10:00:00.000Z`, 60],
  ]);

  // A citizen on their own phone, not signed in.
  const citizen = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: new URL(page.url()).origin });
  const code = await bookOnePerson(await citizen.newPage(), 'vi', Number(shifts[1]!.id));
  await citizen.close();

  await page.reload();
  await expect(card.locator('.staff-places')).toHaveText(['Đã đặt 0/60 chỗ', 'Đã đặt 1/60 chỗ', 'Đã đặt 0/60 chỗ']);

  // On the day, the officer checks the citizen in by the code on the ticket and calls the number:
  // the public board shows it.
  await page.goto(`/vi/staff/day/?shift=${shifts[1]!.id}`);
  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText(/^Đã tiếp nhận số 1: /)).toBeVisible();
  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.locator('.staff-day-big-number')).toHaveText('1');
  const [session] = await sql<{ session_id: string }>('select session_id from public.shifts where id = $1', [shifts[1]!.id]);
  const board = await page.context().newPage();
  await board.goto(`/vi/now-serving/?session=${session!.session_id}`);
  await expect(board.locator('.board-number').filter({ hasText: /^1$/ })).toBeVisible();
  await board.close();
  await page.goto('/vi/staff/sessions/');

  // Places can go down, not below those booked.
  await card.getByRole('button', { name: 'Đổi số chỗ ca 12:00–17:00' }).click();
  await page.getByLabel('Số chỗ của ca 12:00–17:00').fill('0');
  await page.getByRole('button', { name: 'Lưu số chỗ' }).click();
  await expect(card.getByText('Nhập số chỗ là số nguyên từ 1 đến 5000')).toBeVisible();
  await page.getByLabel('Số chỗ của ca 12:00–17:00').fill('45');
  await page.getByRole('button', { name: 'Lưu số chỗ' }).click();
  await expect(card.locator('.staff-places').nth(1)).toHaveText('Đã đặt 1/45 chỗ');

  // Cancelling asks for a reason first, and says how many people are booked.
  await card.getByRole('button', { name: 'Hủy buổi này' }).click();
  await expect(card.getByText(/^Đã có 1 người đặt chỗ trong buổi này\. Trang lịch hẹn của họ sẽ báo buổi bị hủy/)).toBeVisible();
  await card.getByRole('button', { name: 'Xác nhận hủy buổi' }).click();
  await expect(card.getByText('Nhập lý do hủy, từ 3 đến 500 ký tự')).toBeVisible();
  await card.getByLabel('Lý do hủy').fill('Mất điện cả khu vực');
  await card.getByRole('button', { name: 'Xác nhận hủy buổi' }).click();
  await expect(card.getByText('Đã hủy', { exact: true })).toBeVisible();
  await expect(card.getByText('Lý do hủy: Mất điện cả khu vực')).toBeVisible();
});

/** A session at a new site of Phú Hội on `date` with the morning and afternoon shifts; their ids in order. */
async function sessionAt(siteName: string, date: string, published: boolean): Promise<number[]> {
  const rows = await sql<{ id: string }>(
    `with site as (
       insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
       select id, 'commune_hall', $1, '3 Chi Lăng, phường Phú Hội', 16.47, 107.6 from public.admin_units where unit_set = '2021' and code = '19786'
       returning id),
     session as (
       insert into public.intake_sessions (campaign_id, site_id, session_date, published)
       select c.id, site.id, $2::date, $3 from site, public.campaigns c where c.slug = 'thua-thien-hue-2021' returning id, session_date)
     insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select id, (session_date + h.start) at time zone 'Asia/Ho_Chi_Minh', (session_date + h.start + interval '5 hours') at time zone 'Asia/Ho_Chi_Minh', 40
     from session, (values (time '07:00'), (time '12:00')) h(start)
     returning id`,
    [siteName, date, published],
  );
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

test('an officer moves a session nobody has booked to another date; its shifts keep their hours', async ({ page }) => {
  const siteName = `Điểm dời lịch ${Date.now()}`;
  const to = addDays(todayInVietnam(), 32);
  await sessionAt(siteName, addDays(todayInVietnam(), 30), false);
  await signInAsOfficer(page, officer);
  await page.goto('/vi/staff/sessions/');
  const card = page.getByRole('listitem').filter({ has: page.getByText(siteName) });
  await card.getByRole('button', { name: 'Đổi ngày' }).click();
  await expect(card.getByText(/người đặt chỗ/)).toHaveCount(0);
  await card.getByLabel('Ngày mới').fill(to);
  await card.getByRole('button', { name: 'Lưu ngày mới' }).click();
  await expect(page.getByText('Đã đổi ngày của buổi tiếp nhận; giờ các ca giữ nguyên.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [moved] = await sql<{ session_date: string; starts_at: Date }>(
    `select to_char(sess.session_date, 'YYYY-MM-DD') as session_date, s.starts_at from public.intake_sessions sess
     join public.intake_sites site on site.id = sess.site_id join public.shifts s on s.session_id = sess.id where site.name = $1 order by s.starts_at limit 1`,
    [siteName],
  );
  expect(moved!.session_date).toBe(to);
  expect(moved!.starts_at.toISOString()).toBe(`${to}T00:00:00.000Z`);
});

for (const locale of ['vi', 'en'] as const) {
  const w = {
    vi: { publish: 'Công bố', question: /chưa đầy 15 ngày nữa\. Xã phải thông báo lịch ít nhất 15 ngày trước/, keep: 'Để bản nháp', anyway: 'Vẫn công bố', draft: 'Bản nháp', published: 'Đã công bố' },
    en: { publish: 'Publish', question: /less than 15 days from now\. Communes must announce a session at least 15 days ahead/, keep: 'Keep it as a draft', anyway: 'Publish anyway', draft: 'Draft', published: 'Published' },
  }[locale];

  test(`[${locale}] publishing a session less than 15 days ahead asks the officer first, and publishes only when they say so`, async ({ page }) => {
    const siteName = `Điểm gấp ${Date.now()}`;
    await sessionAt(siteName, addDays(todayInVietnam(), 5), false);
    await signInAsOfficer(page, officer, { locale });
    await page.goto(`/${locale}/staff/sessions/`);
    const card = page.getByRole('listitem').filter({ has: page.getByText(siteName) });
    await card.getByRole('button', { name: w.publish, exact: true }).click();
    await expect(card.getByText(w.question)).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await card.getByRole('button', { name: w.keep }).click();
    await expect(card.getByText(w.question)).toHaveCount(0);
    await expect(card.getByText(w.draft, { exact: true })).toBeVisible();
    expect(await sql('select s.published from public.intake_sessions s join public.intake_sites site on site.id = s.site_id where site.name = $1', [siteName])).toEqual([{ published: false }]);

    await card.getByRole('button', { name: w.publish, exact: true }).click();
    await card.getByRole('button', { name: w.anyway }).click();
    await expect(card.getByText(w.published, { exact: true })).toBeVisible();
    expect(await sql('select s.published from public.intake_sessions s join public.intake_sites site on site.id = s.site_id where site.name = $1', [siteName])).toEqual([{ published: true }]);
  });
}

test('taking back, moving and cancelling a booked session each say how many people are booked; a number read before someone else booked is refused and shown anew', async ({ page }) => {
  const siteName = `Điểm có người đặt ${Date.now()}`;
  const to = addDays(todayInVietnam(), 33);
  const shiftIds = await sessionAt(siteName, addDays(todayInVietnam(), 31), true);
  await bookPlaces(shiftIds[0]!, [person(), person()]);
  await signInAsOfficer(page, officer);
  await page.goto('/vi/staff/sessions/');
  const card = page.getByRole('listitem').filter({ has: page.getByText(siteName) });

  await card.getByRole('button', { name: 'Chuyển về bản nháp' }).click();
  await expect(card.getByText(/^Đã có 2 người đặt chỗ trong buổi này\. Khi chuyển về bản nháp/)).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  // Someone books while the officer reads the question.
  await bookPlaces(shiftIds[1]!);
  await card.getByRole('button', { name: 'Xác nhận chuyển về bản nháp' }).click();
  await expect(card.getByText('Số người đã đặt chỗ trong buổi này vừa thay đổi: nay là 3 người. Hãy xem lại số người và xác nhận lần nữa.')).toBeVisible();
  await expect(card.getByText(/^Đã có 3 người đặt chỗ trong buổi này\. Khi chuyển về bản nháp/)).toBeVisible();
  await expect(card.getByText('Đã công bố', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Xác nhận chuyển về bản nháp' }).click();
  await expect(card.getByText('Bản nháp', { exact: true })).toBeVisible();

  await card.getByRole('button', { name: 'Đổi ngày' }).click();
  await expect(card.getByText(/^Đã có 3 người đặt chỗ trong buổi này\. Lịch hẹn của họ chuyển theo buổi/)).toBeVisible();
  await card.getByLabel('Ngày mới').fill(to);
  await card.getByRole('button', { name: 'Lưu ngày mới' }).click();
  await expect(card.getByText('Đã đổi ngày của buổi tiếp nhận; giờ các ca giữ nguyên.')).toBeVisible();
  const bookings = await sql<{ shift_id: string; starts_at: Date }>(
    'select b.shift_id, s.starts_at from public.bookings b join public.shifts s on s.id = b.shift_id where s.id = any($1) order by b.shift_id, b.queue_no',
    [shiftIds],
  );
  expect(bookings.map((b) => [Number(b.shift_id), b.starts_at.toISOString()])).toEqual([
    [shiftIds[0], `${to}T00:00:00.000Z`],
    [shiftIds[0], `${to}T00:00:00.000Z`],
    [shiftIds[1], `${to}T05:00:00.000Z`],
  ]);

  await card.getByRole('button', { name: 'Hủy buổi này' }).click();
  await expect(card.getByText(/^Đã có 3 người đặt chỗ trong buổi này\. Trang lịch hẹn của họ sẽ báo buổi bị hủy/)).toBeVisible();
  await card.getByLabel('Lý do hủy').fill('Đoàn công tác phải đi vùng lũ');
  await card.getByRole('button', { name: 'Xác nhận hủy buổi' }).click();
  await expect(card.getByText('Đã hủy', { exact: true })).toBeVisible();
});
