// The day of intake on a network that drops: an action taken offline says there is no connection,
// the error goes by itself when the connection comes back, nothing is sent again on its own, and
// the reads postgrest-js retries (with its x-retry-count header) pass the gateway's CORS preflight.
import { expect, test, type Page } from '@playwright/test';
import { freshShift, sql } from './support/db.ts';
import { bookAPlace } from './support/public-rpc.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

const noConnection = 'Không kết nối được với hệ thống đặt chỗ';

/** The staff functions the page called, in order, as the browser sent them (reached or not). */
function staffCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const name = /\/rest\/v1\/rpc\/(staff_\w+)/.exec(request.url())?.[1];
    // The actions, not the reads of the roster (staff_day_queue), which run again on their own.
    if (name && name !== 'staff_day_queue') calls.push(name);
  });
  return calls;
}

async function openDay(page: Page, shiftId: number): Promise<void> {
  await signInAsCommuneOfficer(page);
  await page.goto(`/vi/staff/day/?shift=${shiftId}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();
}

test('offline, a check-in, a call and a walk-in number say there is no connection; back online the error goes by itself, and each action taken again is done once', async ({
  page,
  context,
}) => {
  const { shiftId } = await freshShift('19786');
  const booking = await bookAPlace(shiftId);
  await openDay(page, shiftId);
  const calls = staffCalls(page);
  const error = page.getByText(noConnection);
  const queue = page.getByRole('region', { name: 'Hàng chờ' });

  // The first check-in of the page, offline: even the code's reading cannot load, nothing is sent.
  await context.setOffline(true);
  await page.getByLabel('Mã đặt chỗ', { exact: true }).fill(booking.code);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(error).toBeVisible();
  expect(calls).toEqual([]);
  await context.setOffline(false);
  await expect(error).toHaveCount(0);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByText(`Đã tiếp nhận số ${booking.queueNo}: ${booking.fullName}.`)).toBeVisible();

  await context.setOffline(true);
  await queue.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(queue.getByText(noConnection)).toBeVisible();
  // Longer than postgrest-js waits before retrying a read: a write is never sent again on its own.
  await page.waitForTimeout(2_500);
  expect(calls).toEqual(['staff_check_in', 'staff_call_next']);
  await context.setOffline(false);
  await expect(error).toHaveCount(0);
  await queue.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(queue.locator('.staff-day-big-number')).toHaveText(String(booking.queueNo));

  await context.setOffline(true);
  await queue.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(queue.getByText(noConnection)).toBeVisible();
  await context.setOffline(false);
  await expect(error).toHaveCount(0);
  await queue.getByRole('button', { name: 'Phát số cho người đến trực tiếp' }).click();
  await expect(queue.getByText('Số của người đến trực tiếp')).toBeVisible();

  expect(calls).toEqual(['staff_check_in', 'staff_call_next', 'staff_call_next', 'staff_add_walk_in', 'staff_add_walk_in']);
  // What the offline presses sent never arrived; what was done again was done once.
  const [shift] = await sql<{ now_serving: number; walk_ins: string }>(
    'select s.now_serving, (select count(*) from public.walk_ins w where w.shift_id = s.id) as walk_ins from public.shifts s where s.id = $1',
    [shiftId],
  );
  expect(shift).toEqual({ now_serving: booking.queueNo, walk_ins: '1' });
  expect(await sql('select status from public.bookings where code = $1', [booking.code])).toEqual([{ status: 'checked_in' }]);
});

test('a read that failed offline is retried by postgrest-js with its x-retry-count header, and the gateway lets it through', async ({ page, context }) => {
  const { shiftId } = await freshShift('19786');
  await openDay(page, shiftId);

  await context.setOffline(true);
  const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('/rest/v1/shifts?'));
  // The page reads again when it is shown (as after a phone's screen comes back on).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await failed;
  const retried = page.waitForResponse((response) => response.url().includes('/rest/v1/shifts?') && response.request().headers()['x-retry-count'] !== undefined);
  await context.setOffline(false);
  const answer = await retried;
  expect(answer.status()).toBe(200);
  expect(Number(answer.request().headers()['x-retry-count'])).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/^Cập nhật lúc/)).toBeVisible();
});

test('offline, "Scan" says there is no connection and the console stays; back online the error goes and the scanner opens', async ({ page, context }) => {
  const { shiftId } = await freshShift('19786');
  await openDay(page, shiftId);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Quét mã QR' }).click();
  await expect(page.getByText(noConnection)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText(noConnection)).toHaveCount(0);
  await page.getByRole('button', { name: 'Quét mã QR' }).click();
  await expect(page.getByRole('button', { name: 'Dừng quét' })).toBeVisible();
});
