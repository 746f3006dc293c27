// On English pages, what is written in Vietnamese (sites, addresses, access notes, unit and people's
// names, an organisation's name) is marked lang="vi" wherever a citizen page shows it.
import { expect, test, type Page } from '@playwright/test';
import { person, phone } from '../support/people.ts';
import { bookingWords, fillPerson } from './support/booking-form.ts';
import { bookableShift, ensureTestCampaign2025, freshShift, sql, testCampaign2025 } from './support/db.ts';
import { fillHomeVisitRequest } from './support/home-visit-form.ts';
import { bookAPlace } from './support/public-rpc.ts';
import { signInAsOfficer } from './support/staff.ts';
import { unmarkedVietnamese } from './support/vietnamese-data.ts';

const words = bookingWords.en;

/** Fails naming the page and the texts when some Vietnamese on it is not marked. */
async function expectMarked(page: Page, where: string) {
  expect(await unmarkedVietnamese(page), where).toEqual([]);
}

test('the book page, its check step, the ticket and the booking page mark the site, its address and the people\'s names', async ({ page }) => {
  const { shiftId } = await bookableShift('19786', 2);
  await page.goto(`/en/book/?shift=${shiftId}`);
  await expect(page.locator('.shift-summary')).toBeVisible();
  await expectMarked(page, 'form');
  // Names with Vietnamese letters, to be read as Vietnamese on the check step and the ticket.
  await fillPerson(page, 'en', 0, { ...person(), full_name: 'Nguyễn Thị Hương' });
  await page.getByRole('button', { name: 'Add a person' }).click();
  await fillPerson(page, 'en', 1, { ...person(), full_name: 'Trần Văn Đức' });
  await page.getByLabel(words.phone).fill(phone());
  await page.getByLabel(words.consent).check();
  await page.getByRole('button', { name: words.continue }).click();
  await expect(page.getByText('Nguyễn Thị Hương')).toBeVisible();
  await expectMarked(page, 'check');
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.locator('.ticket-code').first()).toBeVisible();
  await expectMarked(page, 'ticket');
  // The booking page: the ticket, and the names to cancel and the shifts to move to.
  await page.getByRole('link', { name: 'See, move or cancel the booking' }).click();
  await page.getByRole('button', { name: 'Cancel the booking' }).click();
  await expect(page.getByRole('radio', { name: 'Trần Văn Đức', exact: false })).toBeVisible();
  await expectMarked(page, 'booking, cancel');
  await page.getByRole('button', { name: 'Move to another shift' }).click();
  await expect(page.getByRole('button', { name: /^Move to this shift/ }).first()).toBeVisible();
  await expectMarked(page, 'booking, move');
});

test('the schedules list marks each session\'s site, ward, address and access notes', async ({ page }) => {
  await page.goto('/en/schedules/?ward=19786');
  await expect(page.locator('.session').first()).toBeVisible();
  await expectMarked(page, 'schedules');
});

test('the old-address lookup marks the 2021 wards and districts, which have Vietnamese names only', async ({ page }) => {
  await ensureTestCampaign2025();
  await page.goto(`/en/schedules/?campaign=${testCampaign2025.slug}`);
  await expect(page.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await page.locator('summary', { hasText: 'Only know your old address?' }).click();
  await page.getByLabel('Old ward or commune name').fill('phu hoi');
  await page.getByRole('button', { name: 'Find the ward or commune today' }).click();
  await expect(page.locator('.old-wards > li').first()).toBeVisible();
  await expectMarked(page, 'old address');
});

test('the queue board marks its site and address', async ({ page }) => {
  const [session] = await sql<{ id: string }>(
    `select id from public.intake_sessions where published and cancelled_at is null
     and session_date >= (now() at time zone 'Asia/Ho_Chi_Minh')::date order by session_date, id limit 1`,
  );
  await page.goto(`/en/now-serving/?session=${session!.id}`);
  await expect(page.locator('.board-site')).toBeVisible();
  await expectMarked(page, 'now-serving');
});

test('the home-visit form marks the units its pickers offer', async ({ page }) => {
  await page.goto('/en/home-visit/?campaign=thua-thien-hue-2021');
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr');
  await expectMarked(page, 'home-visit');
});

/** A school's sign-up link to the Huế campaign's next session, made by the Phú Hội officer; its share token. */
async function schoolLink(): Promise<string> {
  const token = `lang${Math.random().toString(36).slice(2, 12)}`.padEnd(22, 'x');
  await sql(
    // A session of the signed-in officer's ward (Phú Hội), which their links page lists: other tests
    // add sessions elsewhere in the province, which may come first by date.
    `with session as (select s.id from public.intake_sessions s join public.campaigns c on c.id = s.campaign_id
       join public.intake_sites site on site.id = s.site_id join public.admin_units w on w.id = site.ward_id
       where c.slug = 'thua-thien-hue-2021' and w.code = '19786' and s.published and s.cancelled_at is null
         and s.session_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date order by s.session_date, s.id limit 1)
     insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, share_token, coordinator_token_hash, created_by)
     select session.id, 'Trường THCS Nguyễn Tri Phương', 'school', 20, now() + interval '1 day', $1, sha256(convert_to($1 || 'c', 'utf8')), u.id
     from session, auth.users u where u.email = 'phuhoi.hue@cccd.local'`,
    [token],
  );
  return token;
}

test('a sign-up link marks the organisation, the site and its address', async ({ page }) => {
  const token = await schoolLink();
  await page.goto(`/en/join/?t=${token}`);
  await expect(page.getByRole('heading', { name: /Trường THCS Nguyễn Tri Phương/ })).toBeVisible();
  await expectMarked(page, 'join');
});

// The console in English: the officer reads the data of their unit, written in Vietnamese.
test.describe('the staff console in English', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await signInAsOfficer(page, 'phuhoi.hue@cccd.local', { locale: 'en' });
  });

  test('the sessions page marks the sites, their addresses and the wards', async ({ page }) => {
    await page.goto('/en/staff/sessions/');
    await expect(page.locator('.staff-sessions > li').first()).toBeVisible();
    await expectMarked(page, 'staff sessions');
  });

  test('the day page marks the site and the roster\'s names', async ({ page }) => {
    const { shiftId } = await freshShift('19786');
    const booking = await bookAPlace(shiftId);
    await page.goto(`/en/staff/day/?shift=${shiftId}`);
    await expect(page.getByText(booking.fullName)).toBeVisible();
    await expectMarked(page, 'staff day');
  });

  test('the home-visits page marks the person, the address, the directions and the requester', async ({ page }) => {
    const name = person().full_name;
    await page.goto('/vi/home-visit/?campaign=thua-thien-hue-2021');
    await fillHomeVisitRequest(page, name, phone());
    await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await expect(page.getByRole('heading', { name: 'Đã nhận đề nghị' })).toBeVisible();
    await page.goto('/en/staff/home-visits/');
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expectMarked(page, 'staff home visits');
  });

  test('the notice page marks the ward and the sites', async ({ page }) => {
    await page.goto('/en/staff/notice/?ward=19786');
    await expect(page.locator('.notice-sheet, table, li').first()).toBeVisible();
    await expectMarked(page, 'staff notice');
  });

  test('the links page marks the organisations, the sites and the requests', async ({ page }) => {
    await schoolLink();
    await page.goto('/en/staff/links/');
    await expect(page.getByText('Trường THCS Nguyễn Tri Phương').first()).toBeVisible();
    // A session's choice is its date and its site in one option, which cannot hold a marked part:
    // it stays in the page's language (the date is English).
    const options = await page.getByLabel('Session', { exact: true }).locator('option').allTextContents();
    expect((await unmarkedVietnamese(page)).filter((text) => !options.includes(text)), 'staff links').toEqual([]);
  });
});
