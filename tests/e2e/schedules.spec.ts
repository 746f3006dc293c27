import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

// What a reader sees, in each language.
const texts = {
  vi: {
    province: 'Tỉnh, thành phố',
    district: 'Quận, huyện',
    ward: 'Xã, phường, thị trấn',
    submit: 'Xem lịch',
    count: /Tìm thấy \d+ buổi cấp/,
    firstPage: 'Tìm thấy 20 buổi cấp đầu tiên; có thể còn nữa',
    more: 'Xem thêm buổi cấp',
    places: /Còn \d+ chỗ/,
    book: /^Đặt chỗ/,
    useLocation: 'Dùng vị trí của tôi',
    distance: /Cách bạn khoảng ([\d,]+) km/,
    denied: 'Trang chưa được phép dùng vị trí của bạn',
    showMap: 'Xem trên bản đồ',
    empty: 'Không có buổi cấp nào phù hợp',
    emptyBody: 'Chưa có buổi cấp nào ở khu vực và thời gian này. Hãy chọn khoảng ngày dài hơn, hoặc chọn cả huyện, cả tỉnh thay vì một xã.',
    results: 'Các buổi cấp',
    unknownUnit: 'Đường dẫn này ghi khu vực có mã 00004, không thuộc chiến dịch này. Hãy chọn khu vực của bạn ở dưới.',
    homeVisit: /cấp tại nhà/,
    from: 'Từ ngày',
    to: 'Đến ngày',
    areaRequired: 'Chọn tỉnh, thành phố, hoặc dùng vị trí của bạn',
  },
  en: {
    province: 'Province or city',
    district: 'District',
    ward: 'Ward or commune',
    submit: 'Show sessions',
    count: /\d+ sessions? found/,
    firstPage: 'The first 20 sessions found; there may be more',
    more: 'Show more sessions',
    places: /\d+ places? left/,
    book: /^Book/,
    useLocation: 'Use my location',
    distance: /About ([\d.]+) km from you/,
    denied: 'The page may not use your location',
    showMap: 'Show on map',
    empty: 'No sessions found',
    emptyBody: 'There are no sessions in this area on these dates. Choose a longer date range, or the whole district or province instead of one ward.',
    results: 'Sessions',
    unknownUnit: 'The link names the area with code 00004, which is not part of this campaign. Choose your area below.',
    homeVisit: /Request a home visit/,
    from: 'From',
    to: 'To',
    areaRequired: 'Choose a province or city, or use your location',
  },
} as const;

/** Opens the page and waits for the island to hydrate: a click before that would do nothing. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr');
}

const results = (page: Page) => page.getByRole('region', { name: /Các buổi cấp|Sessions/ });
const sessionSites = (page: Page) => results(page).locator('.session-site');

// The map's tiles come from openstreetmap.org: the tests never fetch them.
test.beforeEach(async ({ page }) => {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
});

for (const locale of ['vi', 'en'] as const) {
  const text = texts[locale];

  test.describe(`in ${locale}`, () => {
    test('a reader finds the sessions of a ward with the pickers, and the address keeps the search', async ({ page }) => {
      await open(page, `/${locale}/schedules/?campaign=thua-thien-hue-2021`);
      await page.getByLabel(text.province).selectOption({ label: 'Tỉnh Thừa Thiên Huế' });
      await page.getByLabel(text.district).selectOption({ label: 'Thành phố Huế' });
      await page.getByLabel(text.ward).selectOption({ label: 'Phường Phú Hội' });
      await page.getByRole('button', { name: text.submit }).click();

      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      const first = results(page).getByRole('listitem').filter({ has: page.locator('.session-site') }).first();
      await expect(first.getByText(text.places).first()).toBeVisible();
      // 2021 units have Vietnamese names only: on /en they are marked as Vietnamese.
      const area = first.locator('.session-kind span').first();
      await expect(area).toContainText('Phường Phú Hội');
      if (locale === 'en') await expect(area).toHaveAttribute('lang', 'vi');
      else await expect(area).not.toHaveAttribute('lang');
      const book = first.getByRole('link', { name: text.book }).first();
      await expect(book).toHaveAttribute('href', new RegExp(`^/${locale}/book/\\?shift=\\d+$`));
      // A site's name, address and access notes are written in Vietnamese, so marked on /en, also
      // where the name is part of the booking link's text for screen readers.
      const site = (await first.locator('.session-site').textContent()) ?? '';
      const address = first.locator('.session-facts dd').last();
      await expect(address).not.toBeEmpty();
      const siteInLink = book.locator('.visually-hidden span');
      await expect(siteInLink).toHaveText(site);
      for (const marked of [first.locator('.session-site'), address, siteInLink]) {
        if (locale === 'en') await expect(marked).toHaveAttribute('lang', 'vi');
        else await expect(marked).not.toHaveAttribute('lang');
      }
      await expect(page).toHaveURL(/\?campaign=thua-thien-hue-2021&ward=19786$/);

      const before = await sessionSites(page).allTextContents();
      expect(before.length).toBeGreaterThan(0);
      await page.reload();
      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      expect(await sessionSites(page).allTextContents()).toEqual(before);
      // The pickers show where the list comes from.
      await expect(page.getByLabel(text.ward)).toHaveValue('19786');
      await expect(page.getByLabel(text.district)).toHaveValue('474');
    });

    test('an old poster’s link naming only a district opens its 2021 campaign and shows its sessions at once', async ({ page }) => {
      await open(page, `/${locale}/schedules/?district=474`);
      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      await expect(page).toHaveURL(/\?campaign=thua-thien-hue-2021&district=474$/);
      await expect(sessionSites(page).first()).toBeVisible();
      await expect(results(page).getByRole('link', { name: text.book }).first()).toBeVisible();
    });

    test.describe('with the location allowed near Huế', () => {
      test.use({ geolocation: { latitude: 16.4637, longitude: 107.5909 }, permissions: ['geolocation'] });

      test('the list is sorted by distance and shows each distance', async ({ page }) => {
        await open(page, `/${locale}/schedules/?campaign=thua-thien-hue-2021`);
        await page.getByRole('button', { name: text.useLocation }).click();
        await expect(page).toHaveURL(/lat=16\.464&lng=107\.591&sort=distance/);
        await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
        // The answer is far below the button on a phone: the reader is taken to it.
        const heading = results(page).getByRole('heading', { name: text.results, exact: true });
        await expect(heading).toBeFocused();
        await expect(heading).toBeInViewport();
        const distances = (await results(page).getByText(text.distance).allTextContents()).map((line) =>
          Number(text.distance.exec(line)?.[1]?.replace(',', '.')),
        );
        expect(distances.length).toBeGreaterThan(1);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        await expect(page.getByRole('radio', { name: /Gần nhất trước|Nearest first/ })).toBeChecked();
      });
    });

    test('a refused location leads the reader to the pickers', async ({ page, context }) => {
      await context.clearPermissions();
      await open(page, `/${locale}/schedules/?campaign=thua-thien-hue-2021`);
      await page.getByRole('button', { name: text.useLocation }).click();
      await expect(page.getByText(text.denied)).toBeVisible();
      await expect(page.getByLabel(text.province)).toBeEnabled();
    });

    test('the map loads only when opened, and shows the sessions as markers', async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await open(page, `/${locale}/schedules/?district=474`);
      await expect(sessionSites(page).first()).toBeVisible();
      expect(requests.filter((url) => /leaflet|session-map/i.test(url))).toEqual([]);
      expect(await page.evaluate(() => 'L' in window)).toBe(false);

      await page.getByRole('button', { name: text.showMap }).click();
      const map = page.getByRole('region', { name: /Bản đồ|Map of/ });
      await expect(map).toBeVisible();
      await expect(map.locator('.leaflet-marker-icon').first()).toBeVisible();
      expect(requests.filter((url) => /session-map/i.test(url)).length).toBeGreaterThan(0);

      // A marker's popup links to the session in the list. Opened from the keyboard: the other specs'
      // sites may stand on the same spot, and a marker drawn over it would take a tap.
      const site = await sessionSites(page).first().textContent();
      await map.getByRole('button', { name: site ?? '' }).first().press('Enter');
      await expect(map.locator('.leaflet-popup a[href^="#session-"]').first()).toBeVisible();
    });

    test('dates far ahead give an empty list that says what to try next', async ({ page }) => {
      await open(page, `/${locale}/schedules/?district=474`);
      await expect(page.getByLabel(text.district)).toHaveValue('474');
      const from = addDays(todayInVietnam(), 300);
      await page.getByLabel(text.from, { exact: true }).fill(from);
      await page.getByLabel(text.to, { exact: true }).fill(addDays(from, 10));
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('heading', { name: text.empty })).toBeVisible();
      // A 2021 campaign has districts: the advice names them.
      await expect(page.getByText(text.emptyBody, { exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: text.homeVisit })).toHaveAttribute('href', `/${locale}/home-visit/`);
      await expect(page).toHaveURL(new RegExp(`from=${from}`));
    });

    test('searching without an area or a location says what to choose, at the field', async ({ page }) => {
      await open(page, `/${locale}/schedules/?campaign=thua-thien-hue-2021`);
      // The campaign's province comes chosen; the reader takes it away.
      await expect(page.getByLabel(text.province)).toHaveValue('46');
      await page.getByLabel(text.province).selectOption('');
      await page.getByRole('button', { name: text.submit }).click();
      const summary = page.getByRole('alert');
      await expect(summary).toBeVisible();
      await summary.locator('..').getByRole('link', { name: text.areaRequired }).click();
      await expect(page.getByLabel(text.province)).toBeFocused();
      await expect(page.getByLabel(text.province)).toHaveAttribute('aria-invalid', 'true');
    });

    test('a link naming a unit outside its campaign says so, and leads to the pickers', async ({ page }) => {
      // 00004: Phường Trúc Bạch, Hà Nội, not in the Thừa Thiên Huế campaign.
      await open(page, `/${locale}/schedules/?campaign=thua-thien-hue-2021&ward=00004`);
      await expect(page.getByText(text.unknownUnit, { exact: true })).toBeVisible();
      await expect(page.getByLabel(text.province)).toHaveValue('46');
      await expect(page).toHaveURL(/\?campaign=thua-thien-hue-2021$/);
      await expectNoSeriousA11yViolations(page);
      // A search of the reader's own makes the note go.
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      await expect(page.getByText(text.unknownUnit, { exact: true })).toHaveCount(0);
    });

    test('a long list comes twenty sessions at a time, and the next ones are one key away', async ({ page }) => {
      // Thành phố Huế has more than 20 sessions in the next 30 days (38 in the demo).
      await open(page, `/${locale}/schedules/?district=474`);
      const status = results(page).getByRole('status');
      await expect(status).toHaveText(text.firstPage);
      const sessions = results(page).locator('li.session');
      await expect(sessions).toHaveCount(20);
      const firstIds = await sessions.evaluateAll((items) => items.map((item) => item.id));

      const more = page.getByRole('button', { name: text.more });
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(text.count);
      await expect(status).not.toHaveText(text.firstPage);
      const allIds = await sessions.evaluateAll((items) => items.map((item) => item.id));
      expect(allIds.length).toBeGreaterThan(20);
      expect(allIds).toEqual(expect.arrayContaining(firstIds));
      // The keyboard lands on the first session added, not back at the top of the page.
      const focused = await page.evaluate(() => document.activeElement?.id ?? '');
      expect(allIds).toContain(focused);
      expect(firstIds).not.toContain(focused);
      // All of them are shown: nothing more to ask for.
      if (allIds.length < 40) await expect(more).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
    });

    test('the page with results passes axe', async ({ page }) => {
      await open(page, `/${locale}/schedules/?ward=19786`);
      await expect(sessionSites(page).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
