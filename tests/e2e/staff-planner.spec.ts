// The campaign planner in the console. The administrator of Thừa Thiên Huế (2021 units) sets up a
// campaign this test makes, plans, edits and locks a session, re-plans (the lock kept) and
// publishes; the commune notice and the citizens' schedules then show the session. The campaign
// starts 15 days ahead (no page finds it open today) and its one district quota is the list of a
// site the test makes, so the plan and the publishing touch no demo site or session. The
// administrator of Thành phố Huế (2025 units) plans the demo campaign in English at 1280×800 and
// saves nothing.
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { formatDate, formatDayLong } from '../../src/lib/format.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { signInAsOfficer } from './support/staff.ts';

const today = todayInVietnam();
const first = addDays(today, 15);
const days = [0, 1, 2, 3].map((n) => addDays(first, n));

interface Made {
  campaignId: number;
  slug: string;
  siteName: string;
  wardCode: string;
}

/** A campaign of Thừa Thiên Huế (2021) from today + 15 for five days, quota 300 in Nam Đông (483), and a police station of the test's own there. */
async function makeCampaign(): Promise<Made> {
  const suffix = randomBytes(4).toString('hex');
  const slug = `test-plan-${suffix}`;
  const siteName = `Công an thử lập lịch ${suffix}`;
  const [ward] = await sql<{ id: number; code: string }>(
    `select w.id, w.code from public.admin_units w join public.admin_units d on d.id = w.parent_id
     where d.unit_set = '2021' and d.code = '483' and w.level = 3 order by w.code limit 1`,
  );
  await sql(
    `insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
     values ($1, 'police_station', $2, 'Đường thử, Nam Đông', 16.155, 107.69)`,
    [ward!.id, siteName],
  );
  const [campaign] = await sql<{ id: number }>(
    `insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, starts_on, deadline, source)
     select $1, p.id, '2021', 'Chiến dịch thử lập lịch', 'Test planning campaign', 300, $2::date, $2::date + 4, 'Chiến dịch của bài kiểm thử lập lịch'
     from public.admin_units p where p.unit_set = '2021' and p.level = 1 and p.code = '46' returning id`,
    [slug, first],
  );
  await sql(
    `insert into public.unit_quotas (campaign_id, unit_id, quota)
     select $1, d.id, 300 from public.admin_units d where d.unit_set = '2021' and d.code = '483'`,
    [campaign!.id],
  );
  return { campaignId: campaign!.id, slug, siteName, wardCode: ward!.code };
}

/** Types into the focused field, then moves on with Tab, as someone on a keyboard does. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

const dayButton = (page: Page, date: string) => page.getByRole('button', { name: new RegExp(`^${formatDayLong('vi', date)}`) });
const session = (page: Page, siteName: string) => page.locator('.staff-session').filter({ has: page.getByRole('heading', { name: new RegExp(siteName) }) });

test('the administrator of Thừa Thiên Huế sets up, plans, edits and locks a session, re-plans keeping it, publishes, and the notice and the schedules show it', async ({ page }) => {
  test.setTimeout(120_000);
  const made = await makeCampaign();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await signInAsOfficer(page, 'tinh.hue@cccd.local');
  await page.getByRole('link', { name: 'Lập kế hoạch chiến dịch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lập kế hoạch chiến dịch' })).toBeVisible();
  await page.getByLabel('Chiến dịch', { exact: true }).selectOption(String(made.campaignId));
  await expect(page).toHaveURL(new RegExp(`campaign=${made.campaignId}$`));
  await expect(page.getByText(`Từ ${formatDate('vi', first)} đến ${formatDate('vi', addDays(first, 4))}.`)).toBeVisible();

  // A campaign without machines or teams opens its setup.
  await expect(page.getByText('Thiết lập: 0 máy, 0 tổ')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm máy' }).click();
  await expect(page.getByLabel('Tên máy 1')).toHaveValue('Máy 1');
  await page.getByRole('button', { name: 'Thêm tổ' }).click();
  // By keyboard: the team's name, then past the police-station choice to the base's boxes, left empty.
  await page.getByLabel('Tên tổ').focus();
  await page.keyboard.press('Control+A');
  await typeAndTab(page, 'Tổ Nam Đông');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Nhập trụ sở của tổ 1, hoặc chọn một điểm công an' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Nhập vĩ độ trụ sở của tổ 1/ })).toBeVisible();
  await summary.getByRole('link', { name: /Nhập vĩ độ trụ sở của tổ 1/ }).click();
  await expect(page.getByLabel('Vĩ độ trụ sở')).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // The base: one of the campaign's police stations fills its name and point.
  await page.getByLabel('Trụ sở là một điểm công an của chiến dịch').selectOption({ label: made.siteName });
  await expect(page.getByLabel('Trụ sở (công an)')).toHaveValue(made.siteName);
  await expect(page.getByLabel('Vĩ độ trụ sở')).toHaveValue('16.155');
  await page.getByLabel('Số người tổ thu nhận được mỗi ca').fill('100');
  // The site's places and its own list, in the table narrowed to it (typed without tone marks).
  await page.getByLabel('Tìm điểm theo tên hoặc mã đơn vị').fill(`cong an thu lap lich ${made.siteName.split(' ').at(-1)}`);
  await expect(page.locator('.planner-table tbody tr')).toHaveCount(1);
  await page.getByLabel(`Ca 1 (07:00–12:00), ${made.siteName}`).focus();
  await page.keyboard.press('Control+A');
  await typeAndTab(page, '100');
  await page.keyboard.press('Control+A');
  await typeAndTab(page, '100');
  await page.keyboard.press('Control+A');
  await typeAndTab(page, '0');
  await typeAndTab(page, '300');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(page.getByText('Đã lưu thiết lập.')).toBeVisible();
  await expect(page.getByText('Thiết lập: 1 máy, 1 tổ')).toBeVisible();

  // Plan: the planner's code comes only now. One team, one shift a day, 100 a shift: three days for the 300.
  expect(scripts.filter((name) => /plan-engine/.test(name))).toEqual([]);
  await page.getByRole('button', { name: 'Lập lịch', exact: true }).click();
  await expect(page.getByText('Đã lập lịch: kế hoạch đạt chỉ tiêu. Kế hoạch chưa được lưu.')).toBeVisible();
  expect(scripts.filter((name) => /plan-engine/.test(name)).length).toBe(1);
  await expect(page.getByText('3 buổi có 300 chỗ từ hôm nay đến hạn chót, cho 300 hồ sơ còn phải thu nhận.')).toBeVisible();
  await expect(dayButton(page, today)).toContainText('cố định (báo trước)');
  await expect(dayButton(page, first)).toContainText('1 buổi');

  await dayButton(page, first).click();
  await expect(page.getByRole('heading', { name: `Các buổi ngày ${formatDayLong('vi', first)}` })).toBeVisible();
  const planned = session(page, made.siteName);
  await expect(planned.getByText('Dự kiến')).toBeVisible();
  // The day on the map (opened on demand) and as its list, which needs no map.
  await expect(
    page.getByRole('region', { name: `Các buổi ngày ${formatDayLong('vi', first)}`, exact: true }).getByRole('list', { name: 'Các điểm thu nhận' }).getByText(made.siteName),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem các điểm trên bản đồ' })).toBeVisible();
  await expect(planned.getByText('Máy: Máy 1')).toBeVisible();
  await expect(planned.getByText('Ca 1 (07:00–12:00): Tổ Nam Đông, 100 chỗ')).toBeVisible();

  // Edit by keyboard: the places of the first shift, then Enter applies.
  await planned.getByRole('button', { name: `Sửa buổi tại ${made.siteName}` }).click();
  await planned.getByLabel('Số chỗ').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('80');
  await page.keyboard.press('Enter');
  await expect(planned.getByText('Ca 1 (07:00–12:00): Tổ Nam Đông, 80 chỗ')).toBeVisible();
  await planned.getByRole('button', { name: `Khoá buổi tại ${made.siteName}` }).click();
  await expect(planned.getByText('Đã khoá')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Re-plan: the locked session stays as edited, the rest makes up the 20 it gave away.
  await page.getByRole('button', { name: 'Lập lại lịch' }).click();
  await expect(page.getByText('4 buổi có 300 chỗ từ hôm nay đến hạn chót, cho 300 hồ sơ còn phải thu nhận.')).toBeVisible();
  await expect(planned.getByText('Ca 1 (07:00–12:00): Tổ Nam Đông, 80 chỗ')).toBeVisible();
  await expect(planned.getByText('Đã khoá')).toBeVisible();

  // Publish: the confirmation says how many and when; the draft is saved first.
  await page.getByRole('button', { name: 'Công bố 4 buổi' }).click();
  await expect(page.getByText(`Công bố 4 buổi vào các ngày ${days.map((d) => formatDate('vi', d)).join(', ')}?`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Đồng ý, công bố 4 buổi' }).click();
  await expect(page.getByText(`Đã công bố 4 buổi, từ ${formatDate('vi', days[0]!)} đến ${formatDate('vi', days[3]!)}.`)).toBeVisible();
  const [counted] = await sql<{ sessions: string; shifts: string }>(
    `select count(distinct s.id) as sessions, count(sh.id) as shifts from public.intake_sessions s join public.shifts sh on sh.session_id = s.id
     where s.campaign_id = $1 and s.published and s.cancelled_at is null`,
    [made.campaignId],
  );
  expect(counted).toEqual({ sessions: '4', shifts: '4' });
  await expect(planned.getByText('Đã công bố')).toBeVisible();
  await expect(page.getByText('Mọi buổi của kế hoạch đã được công bố.')).toBeVisible();

  // The commune notice of the session's ward lists it, and so do the citizens' schedules.
  await planned.getByRole('link', { name: `Thông báo của xã, phường cho ${made.siteName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/vi/staff/notice/\\?ward=${made.wardCode}$`));
  await expect(page.getByRole('rowheader', { name: formatDayLong('vi', first) })).toBeVisible();
  await expect(page.locator('.notice-sheet').getByText(made.siteName).first()).toBeVisible();
  await page.goto(`/vi/schedules/?campaign=${made.slug}&ward=${made.wardCode}`);
  await expect(page.getByRole('heading', { name: formatDayLong('vi', first) }).first()).toBeVisible();
  await expect(page.getByText(made.siteName).first()).toBeVisible();
});

test('the administrator of Thành phố Huế (2025 units) plans the demo campaign in English on a wide screen, without saving', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsOfficer(page, 'tp.hue.2025@cccd.local', { locale: 'en' });
  await page.getByRole('link', { name: 'Plan the campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaign planner' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The plan' })).toBeVisible();
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Against the quota', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Calendar to the deadline' })).toBeVisible();
  await expect(page.getByText('fixed (notice)').first()).toBeVisible();
  await expect(page.getByText('The plan has changes that are not saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('an officer who is not a province administrator is told the planner is not for them', async ({ page }) => {
  await signInAsOfficer(page, 'phuhoi.hue@cccd.local');
  await page.goto('/vi/staff/planner/');
  await expect(page.getByText('Chỉ quản trị cấp tỉnh mới lập được kế hoạch chiến dịch.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
