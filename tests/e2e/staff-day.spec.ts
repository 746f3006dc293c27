// The day of intake, as the commune officer of Phú Hội runs it: a citizen has booked, the officer
// checks them in by code, hands out a walk-in number, calls the next number (the public board
// follows), marks the person served, downloads the roster and records the day's count.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { todayInVietnam } from '../../src/domain/dates.ts';
import { manageLinkHash } from '../../src/domain/manage-link.ts';
import { lookupHash } from '../../src/domain/ticket-link.ts';
import { foldForSearch } from '../../src/domain/roster.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { freshShift, sql } from './support/db.ts';
import { siteUrl } from './support/ports.ts';
import { bookAPlace } from './support/public-rpc.ts';
import { signInAsCommuneOfficer, signInAsOfficer } from './support/staff.ts';

test('a signed-out visitor is sent to the console home to sign in', async ({ page }) => {
  await page.goto('/vi/staff/day/');
  await expect(page.getByRole('heading', { level: 1, name: 'Ngày tiếp nhận' })).toBeVisible();
  await expect(page.getByText('Bạn cần đăng nhập bằng tài khoản cán bộ')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toHaveAttribute('href', '/vi/staff/');
  await expectNoSeriousA11yViolations(page);
});

test('the officer checks a citizen in by code, calls the number, the board shows it, marks them served and exports the roster', async ({ page, context }) => {
  const { shiftId, sessionId } = await freshShift('19786');
  const booking = await bookAPlace(shiftId);
  await signInAsCommuneOfficer(page);

  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A mistyped code is caught before it reaches the database.
  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill('ABCD');
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByRole('alert')).toContainText('Có lỗi cần sửa');

  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(`${booking.code.slice(0, 4)}-${booking.code.slice(4)}`.toLowerCase());
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText(`Đã tiếp nhận số ${booking.queueNo}: ${booking.fullName}.`)).toBeVisible();

  // The same code again: the booking is no longer waiting.
  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(booking.code);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText('Lịch hẹn này không còn chờ tiếp nhận')).toBeVisible();

  await page.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(page.getByText('Số của người đến trực tiếp')).toBeVisible();
  // The refusal was the check-in's answer; the walk-in number is the last action's.
  await expect(page.getByText('Lịch hẹn này không còn chờ tiếp nhận')).toHaveCount(0);

  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.getByText('Mời số')).toBeVisible();
  await expect(page.locator('.staff-day-big-number')).toHaveText(String(booking.queueNo));

  const boardLink = page.getByRole('link', { name: /Mở bảng số đang phục vụ/ });
  await expect(boardLink).toHaveAttribute('href', `/vi/now-serving/?session=${sessionId}`);
  await expect(boardLink).toHaveAttribute('target', '_blank');
  const board = await context.newPage();
  await board.goto(`/vi/now-serving/?session=${sessionId}`);
  await expect(board.locator('.board-number').filter({ hasText: new RegExp(`^${booking.queueNo}$`) })).toBeVisible();
  await board.close();

  // The search ignores tone marks: the name typed without them finds the person.
  await page.getByLabel('Tìm theo họ tên hoặc mã đặt chỗ').fill(foldForSearch(booking.fullName));
  await expect(page.getByText('1 người', { exact: true })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: booking.fullName });
  await expect(row).toContainText('Có mặt, đang chờ');
  await row.getByRole('button', { name: `Số ${booking.queueNo}: đã làm xong` }).click();
  await expect(page.getByText(`Số ${booking.queueNo}: Đã làm xong.`)).toBeVisible();
  await expect(row).toContainText('Đã làm xong');
  await page.getByLabel('Tìm theo họ tên hoặc mã đặt chỗ').fill('');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^danh-sach-\d{4}-\d{2}-\d{2}-\d{4}-diem-thu-[0-9a-f]{6}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFSố thứ tự,Mã đặt chỗ,Họ và tên,Ngày sinh,Trạng thái,Hình thức\r\n')).toBe(true);
  expect(csv).toContain(`${booking.queueNo},${booking.code},${booking.fullName},`);
  expect(csv).toContain(',Đã làm xong,Đặt chỗ\r\n');
  expect(csv).toContain(',Đến trực tiếp\r\n');

  const [status] = await sql<{ status: string }>('select status from public.bookings where code = $1', [booking.code]);
  expect(status!.status).toBe('served');
});

test('a handheld scanner types a ticket\'s whole address into the code field: it checks the person in, a private link is refused, and the field is ready for the next', async ({ page }) => {
  const { shiftId } = await freshShift('19786');
  const first = await bookAPlace(shiftId);
  const second = await bookAPlace(shiftId);
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  const field = page.getByLabel('Mã đặt chỗ', { exact: true });

  // What the ticket's QR code holds; the scanner ends it with Enter.
  await field.fill(`${siteUrl}/vi/booking/${lookupHash(first.code)}`);
  await field.press('Enter');
  await expect(page.getByText(`Đã tiếp nhận số ${first.queueNo}: ${first.fullName}.`)).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');

  // The private link carries the token: not a ticket, refused as the camera refuses it.
  await field.fill(`${siteUrl}/vi/booking/${manageLinkHash({ code: second.code, token: second.token })}`);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByRole('alert')).toContainText('Có lỗi cần sửa');
  expect(await sql('select status from public.bookings where code = $1', [second.code])).toEqual([{ status: 'confirmed' }]);

  // A ticket of the English page, from another host, is as good.
  await field.fill(`https://cccd.example/en/booking/${lookupHash(second.code)}`);
  await field.press('Enter');
  await expect(page.getByText(`Đã tiếp nhận số ${second.queueNo}: ${second.fullName}.`)).toBeVisible();
  await expect(field).toBeFocused();
});

test('the officer records the day\'s count of the ward, then corrects it; the correction replaces the figure', async ({ page }) => {
  await signInAsCommuneOfficer(page);
  await page.goto('/vi/staff/day/');
  const section = page.getByRole('region', { name: 'Số hồ sơ thu nhận trong ngày' });
  await expect(section.getByLabel('Đơn vị')).toHaveValue(/\d+/);
  await expect(section.getByText(/Chưa có số liệu|Đã ghi:/)).toBeVisible();

  // More walk-ins than applications: the error summary takes focus and links to the field.
  await section.getByLabel('Số hồ sơ đã thu nhận').fill('12');
  await section.getByLabel('Trong đó, người đến trực tiếp').fill('30');
  await section.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(section.locator('.error-summary')).toBeFocused();
  await expect(section.getByRole('link', { name: 'Số người đến trực tiếp không được lớn hơn số hồ sơ.' })).toHaveAttribute('href', '#count-walk-ins');
  await expectNoSeriousA11yViolations(page);

  await section.getByLabel('Trong đó, người đến trực tiếp').fill('5');
  await section.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(section.getByText(/^Đã lưu: Phường Phú Hội, .*: 12 hồ sơ\.$/)).toBeVisible();
  await section.getByLabel('Số hồ sơ đã thu nhận').fill('47');
  await section.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(section.getByText(/^Đã lưu: Phường Phú Hội, .*: 47 hồ sơ\.$/)).toBeVisible();
  await expect(section.getByText(/^Đã ghi: 47 hồ sơ, trong đó 5 người/)).toBeVisible();

  const today = todayInVietnam();
  const rows = await sql<{ applications: number; walk_ins: number }>(
    `select c.applications, c.walk_ins from public.daily_intake_counts c join public.admin_units u on u.id = c.unit_id
     where u.unit_set = '2021' and u.code = '19786' and c.day = $1`,
    [today],
  );
  expect(rows).toEqual([{ applications: 47, walk_ins: 5 }]);
  // The public progress page counts it under Thành phố Huế as soon as it opens.
  const [progress] = await sql<{ today: number; intake: number; name: string }>(
    `select (u ->> 'today')::int as today, (u ->> 'intake')::int as intake, u ->> 'name' as name
     from jsonb_array_elements(public.campaign_progress('thua-thien-hue-2021') -> 'units') u where u ->> 'code' = '474'`,
  );
  expect(progress!.today).toBeGreaterThanOrEqual(47);
  await page.goto('/vi/progress/');
  const district = page.getByRole('table', { name: /^Xếp hạng các huyện theo tỷ lệ đạt chỉ tiêu/ }).getByRole('rowheader', { name: new RegExp(`^${progress!.name} `) });
  await expect(district).toContainText(`${new Intl.NumberFormat('vi').format(progress!.intake)} / `);
  const audit = await sql<{ action: string }>(
    `select a.action from public.audit_log a join public.admin_units u on u.id = a.unit_id
     where a.table_name = 'daily_intake_counts' and u.code = '19786' and (a.after ->> 'day') = $1 order by a.id`,
    [today],
  );
  expect(audit.map((entry) => entry.action).slice(-2)).toEqual(['insert', 'update']);
});

test('the English page reads the same console in English', async ({ page }) => {
  await signInAsOfficer(page, 'phuhoi.hue@cccd.local', { locale: 'en' });
  // The officer's display name is Vietnamese: marked so in the English greeting.
  const greeting = page.locator('.staff-greeting');
  await expect(greeting).toHaveText('Hello, Công an phường Phú Hội.');
  await expect(greeting.locator('span[lang="vi"]')).toHaveText('Công an phường Phú Hội');
  await page.goto('/en/staff/day/');
  await expect(page.getByRole('heading', { level: 1, name: 'Day of intake' })).toBeVisible();
  // So are the name and the 2021 ward (Vietnamese names only) on the day's console.
  await expect(page.locator('.staff-greeting span[lang="vi"]')).toHaveText(['Công an phường Phú Hội', 'Phường Phú Hội']);
  await expect(page.getByRole('heading', { name: 'Applications taken today' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
