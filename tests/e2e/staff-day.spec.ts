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
import { person } from '../support/people.ts';
import { bookAPlace, bookPlaces } from './support/public-rpc.ts';
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

  // The same code again (a second scan, or an answer lost): the person is checked in, no error.
  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(booking.code);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText(`Đã tiếp nhận số ${booking.queueNo}: ${booking.fullName}.`)).toBeVisible();
  await expect(page.locator('.notice-error')).toHaveCount(0);

  await page.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(page.getByText('Số của người đến trực tiếp')).toBeVisible();
  // The check-in's answer was its own; the walk-in number is the last action's.
  await expect(page.getByText('Đã tiếp nhận số')).toHaveCount(0);

  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.getByText('Mời số', { exact: true })).toBeVisible();
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
  // Called: no longer shown as waiting.
  await expect(row).toContainText('Đã gọi');
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

test('the issue\'s day: late arrivals, a walk-in and a late booked number are all called in order; called people show as called, on the board too; a mark is taken back', async ({ page, context }) => {
  const { shiftId, sessionId } = await freshShift('19786');
  // Six people booked: numbers 1 to 6.
  const five = await bookPlaces(shiftId, [person(), person(), person(), person(), person()]);
  const sixth = await bookAPlace(shiftId);
  const code = new Map([...five.bookings.map((b) => [b.queue_no, b.code] as const), [sixth.queueNo, sixth.code]]);
  expect([...code.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();

  const checkIn = async (number: number) => {
    await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(code.get(number)!);
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect(page.getByText(new RegExp(`^Đã tiếp nhận số ${number}: `))).toBeVisible();
  };
  const bigNumber = page.locator('.staff-day-big-number');
  const callNext = async (number: number) => {
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await expect(bigNumber).toHaveText(String(number));
    await expect(page.getByText(`Đang phục vụ số ${number}.`)).toBeVisible();
  };
  const order = page.getByText(/^Gọi số tiếp theo sẽ lần lượt mời số /);
  const row = (number: number) => page.getByRole('listitem').filter({ has: page.getByText(`Số ${number}`, { exact: true }) });

  for (const number of [1, 2, 5]) await checkIn(number);
  await expect(order).toHaveText('Gọi số tiếp theo sẽ lần lượt mời số 1, 2, 5.');
  for (const number of [1, 2, 5]) await callNext(number);
  await expect(page.getByText('Không còn ai có mặt đang chờ được gọi.')).toBeVisible();
  await expect(row(1)).toContainText('Đã gọi');

  // 3 and 4 come late: call next takes them, lowest first.
  for (const number of [3, 4]) await checkIn(number);
  await expect(order).toHaveText('Gọi số tiếp theo sẽ lần lượt mời số 3, 4.');
  await expect(row(3)).toContainText('Có mặt, đang chờ');
  await callNext(3);
  await expect(row(3)).toContainText('Đã gọi');

  await page.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(bigNumber).toHaveText('7');
  await callNext(4);
  await checkIn(6);
  await expect(order).toHaveText('Gọi số tiếp theo sẽ lần lượt mời số 6, 7.');
  await callNext(6);
  await callNext(7);
  await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(page.getByText('Chưa có người nào có mặt đang chờ sau số hiện tại.')).toBeVisible();

  // 1 did not hear their number: called again from the list; the board shows 1, and the others called and still expected.
  await row(1).getByRole('button', { name: 'Gọi lại số 1' }).click();
  await expect(page.getByText('Đã gọi số 1; bảng số đang hiện số này.')).toBeVisible();
  await expect(page.getByText('Đang phục vụ số 1.')).toBeVisible();
  const board = await context.newPage();
  await board.goto(`/vi/now-serving/?session=${sessionId}`);
  await expect(board.locator('.board-number')).toHaveText('1');
  await expect(board.getByText('Đã gọi, mời vào: số 7, 6, 4, 3')).toBeVisible();
  await board.close();

  // Served by mistake: taken back, 1 is here and called again.
  await row(1).getByRole('button', { name: 'Số 1: đã làm xong' }).click();
  await expect(row(1)).toContainText('Đã làm xong');
  await row(1).getByRole('button', { name: 'Hoàn tác cho số 1' }).click();
  await expect(page.getByText('Số 1: Đã gọi.')).toBeVisible();
  await expect(row(1).getByRole('button', { name: 'Gọi lại số 1' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const statuses = await sql<{ queue_no: number; status: string; called: boolean }>(
    `select queue_no, status, called_at is not null as called from public.bookings where shift_id = $1
     union all select queue_no, status, called_at is not null from public.walk_ins where shift_id = $1 order by queue_no`,
    [shiftId],
  );
  expect(statuses).toEqual([1, 2, 3, 4, 5, 6, 7].map((queue_no) => ({ queue_no, status: 'checked_in', called: true })));
});

test('a walk-in number and a call whose answers are lost on the network take effect once when the officer presses again', async ({ page }) => {
  const { shiftId } = await freshShift('19786');
  const booking = await bookAPlace(shiftId);
  await sql("update public.bookings set status = 'checked_in' where code = $1", [booking.code]);
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();

  // The request reaches the database, its answer never comes back.
  const loseTheAnswer = (name: string) =>
    page.route(`**/rest/v1/rpc/${name}`, async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
  for (const [name, button] of [
    ['staff_add_walk_in', 'Phát số cho người đến trực tiếp'],
    ['staff_call_next', 'Gọi số tiếp theo'],
  ] as const) {
    await loseTheAnswer(name);
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByText('Không kết nối được với hệ thống đặt chỗ')).toBeVisible();
    await page.unroute(`**/rest/v1/rpc/${name}`);
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('.staff-day-big-number')).toHaveText(name === 'staff_add_walk_in' ? '2' : '1');
  }
  // One walk-in number handed out, one call made: 2 was not called after 1.
  expect(await sql('select queue_no, called_at is null as waiting from public.walk_ins where shift_id = $1', [shiftId])).toEqual([{ queue_no: 2, waiting: true }]);
  expect(await sql('select last_queue_no, now_serving from public.shifts where id = $1', [shiftId])).toEqual([{ last_queue_no: 2, now_serving: 1 }]);
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
