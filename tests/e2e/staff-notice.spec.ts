// The printable commune notice: the commune officer of Phú Hội opens the notice of the ward, sees
// the coming sessions and the QR code to the schedules page, and prints it without the site's
// frame; a district officer first picks one of the wards of the district.
import { expect, test } from '@playwright/test';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { formatDayLong } from '../../src/lib/format.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { signInAsCommuneOfficer, signInAsOfficer } from './support/staff.ts';

/** The first date the notice must list: the ward's first published session, as citizens see it. */
async function firstSessionDate(): Promise<string> {
  const today = todayInVietnam();
  const [row] = await sql<{ day: string }>(
    `select min(session_date)::text as day from public.search_sessions(p_ward => '19786', p_from => $1::date, p_to => $2::date)`,
    [today, addDays(today, 21)],
  );
  expect(row?.day, 'the demo seed has sessions in Phú Hội for the coming weeks').toBeTruthy();
  return row!.day;
}

test('the commune officer opens the notice of Phú Hội from the console and prints it without the site around it', async ({ page }) => {
  const day = await firstSessionDate();
  await signInAsCommuneOfficer(page);

  // A commune officer has one ward: the console's link opens its notice at once.
  await page.getByRole('link', { name: 'In thông báo lịch cho xã, phường' }).click();
  await expect(page).toHaveURL(/\/vi\/staff\/notice\/\?ward=19786$/);

  await expect(page.getByRole('heading', { level: 2, name: 'Lịch làm căn cước lưu động tại Phường Phú Hội' })).toBeVisible();
  await expect(page.getByText('Thành phố Huế, Tỉnh Thừa Thiên Huế')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: formatDayLong('vi', day) })).toBeVisible();
  await expect(page.getByText('Gần đến tối, xa đến ngày', { exact: false })).toBeVisible();
  await expect(page.getByText('CMND cũ hoặc thẻ căn cước cũ, nếu có.')).toBeVisible();
  // A campaign of real figures: no demonstration note on its sheet.
  await expect(page.locator('.notice-sheet .demonstration')).toHaveCount(0);

  const schedulesUrl = `${new URL(page.url()).origin}/vi/schedules/?campaign=thua-thien-hue-2021&ward=19786`;
  await expect(page.getByRole('img', { name: 'Mã QR mở lịch tiếp nhận của Phường Phú Hội' }).locator('svg')).toBeVisible();
  await expect(page.getByText(schedulesUrl, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const printButton = page.getByRole('button', { name: 'In thông báo' });
  await expect(printButton).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Lịch làm căn cước lưu động tại Phường Phú Hội' })).toBeVisible();
  await expect(page.getByText(schedulesUrl, { exact: true })).toBeVisible();

  // The QR code opens the schedules page on the ward's sessions.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(schedulesUrl);
  await expect(page.getByRole('heading', { name: formatDayLong('vi', day) }).first()).toBeVisible();
});

test('the notice is in English on the English page, with the English schedules address', async ({ page }) => {
  const day = await firstSessionDate();
  await signInAsCommuneOfficer(page);
  await page.goto('/en/staff/notice/?ward=19786');

  await expect(page.getByRole('heading', { level: 1, name: 'Notice for a ward' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mobile ID card intake in Phường Phú Hội' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: formatDayLong('en', day) })).toBeVisible();
  await expect(page.getByText('Near ones at night, far ones by day', { exact: false })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code that opens the intake schedule of Phường Phú Hội' }).locator('svg')).toBeVisible();
  await expect(page.getByText(`${new URL(page.url()).origin}/en/schedules/?campaign=thua-thien-hue-2021&ward=19786`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the notice' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a district officer picks one of the district’s wards, and an unknown ward code says so', async ({ page }) => {
  await signInAsOfficer(page, 'tp.hue@cccd.local');
  await page.goto('/vi/staff/notice/');
  const ward = page.getByLabel('Xã, phường, thị trấn');
  await expect(ward).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await ward.selectOption({ label: 'Phường Phú Hội' });
  await page.getByRole('button', { name: 'Xem thông báo' }).click();
  await expect(page).toHaveURL(/\?ward=19786$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Lịch làm căn cước lưu động tại Phường Phú Hội' })).toBeVisible();

  await page.goto('/vi/staff/notice/?ward=99999');
  await expect(page.getByRole('alert')).toContainText('Không có xã, phường nào mang mã 99999');
  await page.getByRole('link', { name: 'Chọn xã, phường khác' }).click();
  await expect(ward).toBeVisible();
});

/** The pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree above them). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

test('the notice of the demo’s busiest ward, three weeks of sessions, prints on one A4 sheet', async ({ page }) => {
  const today = todayInVietnam();
  // The ward of the 2021 set with the most sessions citizens see in the notice's three weeks, of the
  // demo's own: a ward where the other tests add sites and sessions of their own is not a normal one.
  const [busiest] = await sql<{ code: string; name: string; sessions: number }>(
    `select w.code, w.name, count(*)::integer as sessions
     from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id join public.admin_units w on w.id = site.ward_id
     where w.unit_set = '2021' and sess.published and sess.cancelled_at is null and sess.session_date between $1::date and $2::date
       -- as search_sessions lists them: a session of today whose shifts are over is no longer on it
       and exists (select 1 from public.shifts sh where sh.session_id = sess.id and sh.ends_at > now())
       and w.id not in (select s2.ward_id from public.intake_sites s2
                        where s2.created_at > (select min(created_at) from public.intake_sites) + interval '1 minute')
     group by w.code, w.name order by count(*) desc, w.code limit 1`,
    [today, addDays(today, 21)],
  );
  expect(busiest!.sessions, 'the demo seed has a ward with sessions on many days').toBeGreaterThanOrEqual(10);
  await signInAsOfficer(page, 'tinh.hue@cccd.local');
  await page.goto(`/vi/staff/notice/?ward=${busiest!.code}`);
  await expect(page.getByRole('heading', { level: 2, name: `Lịch làm căn cước lưu động tại ${busiest!.name}` })).toBeVisible();
  // Each session is a line of the table, each site said once above it.
  await expect(page.locator('.notice-table tbody tr')).toHaveCount(busiest!.sessions);
  await expect(page.getByRole('heading', { level: 3, name: 'Địa điểm tiếp nhận' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
});
