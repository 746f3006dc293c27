import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';

interface Target {
  sessionId: string;
  shiftId: string;
  site: string;
}

/**
 * A published session from today on, and its first shift. Each test takes its own (`nth`), so
 * tests running side by side never move each other's numbers.
 */
async function session(nth: number): Promise<Target> {
  const [row] = await sql<{ session_id: string; shift_id: string; site: string }>(
    `select sess.id as session_id, s.id as shift_id, site.name as site
     from public.intake_sessions sess
     join public.intake_sites site on site.id = sess.site_id
     join lateral (select id from public.shifts where session_id = sess.id order by starts_at limit 1) s on true
     where sess.published and sess.cancelled_at is null
       and sess.session_date >= (now() at time zone 'Asia/Ho_Chi_Minh')::date
     order by sess.session_date, sess.id
     offset $1 limit 1`,
    [nth],
  );
  if (!row) throw new Error('The demo seed has no published session from today on');
  return { sessionId: row.session_id, shiftId: row.shift_id, site: row.site };
}

/** What staff do with "call next", done straight in the database. */
async function callNumber(shiftId: string, number: number): Promise<void> {
  await sql(
    `update public.shifts set last_queue_no = greatest(last_queue_no, $2), now_serving = $2, now_serving_at = now() where id = $1`,
    [shiftId, number],
  );
}

// The board reads every 10 seconds: a change must show within one interval and a little.
const refresh = { timeout: 15_000 };

test('the board shows the number called in a shift without reloading the page', async ({ page }) => {
  const target = await session(0);
  await callNumber(target.shiftId, 3);
  await page.goto(`/vi/now-serving/?session=${target.sessionId}`);
  await expect(page.getByRole('heading', { name: target.site })).toBeVisible();
  const shift = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Ca / }) }).first();
  await expect(shift.getByText('3', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Cập nhật lúc \d\d:\d\d:\d\d/)).toBeVisible();

  await callNumber(target.shiftId, 7);
  await expect(shift.getByText('7', { exact: true })).toBeVisible(refresh);
  await expect(shift.getByText('Số đã phát gần nhất: 7')).toBeVisible();
  await expect(page.locator('[aria-live="polite"]')).toContainText('đang phục vụ số 7');
});

test('the board keeps the last numbers and says so when a refresh fails', async ({ page }) => {
  const target = await session(1);
  await callNumber(target.shiftId, 4);
  await page.goto(`/en/now-serving/?session=${target.sessionId}`);
  const shift = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Shift / }) }).first();
  await expect(shift.getByText('4', { exact: true })).toBeVisible();

  await page.route('**/rest/v1/rpc/now_serving_board**', (route) => route.abort('internetdisconnected'));
  await expect(page.getByText(/^Could not refresh at \d\d:\d\d:\d\d/)).toBeVisible(refresh);
  await expect(shift.getByText('4', { exact: true })).toBeVisible();

  await page.unroute('**/rest/v1/rpc/now_serving_board**');
  await expect(page.getByText(/^Updated at \d\d:\d\d:\d\d/)).toBeVisible(refresh);
});

test('the board passes axe in both languages', async ({ page }) => {
  const target = await session(2);
  for (const locale of ['vi', 'en']) {
    await page.goto(`/${locale}/now-serving/?session=${target.sessionId}`);
    await expect(page.getByRole('heading', { name: target.site })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

for (const [search, message] of [
  ['', 'This address does not say which intake session'],
  ['?session=abc', 'This address does not say which intake session'],
  ['?session=999999999', 'This intake session was not found'],
] as const) {
  test(`the board at "now-serving/${search}" explains the problem and links to the sessions`, async ({ page }) => {
    await page.goto(`/en/now-serving/${search}`);
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByRole('link', { name: 'See the intake sessions' })).toHaveAttribute('href', '/en/schedules/');
    await expectNoSeriousA11yViolations(page);
  });
}

test('a board address with no session reads the same in Vietnamese', async ({ page }) => {
  await page.goto('/vi/now-serving/');
  await expect(page.getByText('Đường dẫn này không cho biết')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem lịch các buổi tiếp nhận' })).toHaveAttribute('href', '/vi/schedules/');
});
