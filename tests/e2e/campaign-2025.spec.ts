// A citizen in a campaign on today's units (2025): the campaign chosen by today's province name,
// a session found by location (the commune the phone stands in first) and booked, the old-address
// lookup, and a location at sea. The campaign is the specs' own (support/db.ts), not the demo's.
import { expect, test, type Page } from '@playwright/test';
import { person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { bookingWords, fillPerson } from './support/booking-form.ts';
import { ensureTestCampaign2025, testCampaign2025 } from './support/db.ts';

const texts = {
  vi: {
    campaign: 'Chiến dịch thử thành phố Huế 2025',
    demonstration: 'Số liệu minh hoạ',
    demonstrationNote: 'Số liệu minh hoạ. Địa điểm, lịch và các con số của chiến dịch này là giả định, đặt ra để giới thiệu trang web; đây không phải lịch hay số liệu thật.',
    campaign2026: 'Chiến dịch cấp căn cước thành phố Huế 2026',
    province: 'Tỉnh, thành phố',
    district: 'Quận, huyện',
    commune: 'Xã, phường, đặc khu',
    useLocation: 'Dùng vị trí của tôi',
    here: 'Bạn đang ở Phường Thuận Hoá. Các buổi cấp ở đây được xếp trước, sau đó là các buổi gần nhất.',
    inCommune: 'Ở Phường Thuận Hoá',
    nearest: 'Các nơi khác, gần nhất trước',
    atSea: /không thuộc xã, phường nào của Việt Nam: có thể bạn đang ở trên biển/,
    distance: /Cách bạn khoảng ([\d,]+) km/,
    book: /^Đặt chỗ/,
    oldOpen: 'Chỉ biết địa chỉ cũ?',
    oldName: 'Tên xã, phường cũ',
    oldFind: 'Tìm xã, phường hiện nay',
    oldWard: 'Phường Phú Hội',
    now: 'Phường Thuận Hoá',
    oldSessions: 'Xem lịch ở Phường Thuận Hoá',
    count: /Tìm thấy \d+ buổi cấp/,
    choose: /Có nhiều chiến dịch đang diễn ra/,
    unknown: 'Không tìm thấy chiến dịch ghi trong đường dẫn. Hãy chọn một chiến dịch trong danh sách.',
    todayProvince: 'Thành phố Huế',
    campaign2021: 'Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế',
    ward2021: 'Xã, phường, thị trấn',
    homeVisitDistrict: 'Quận, huyện, thị xã',
    homeVisitSend: 'Gửi đề nghị',
    homeVisitWardRequired: 'Hãy chọn xã, phường nơi người này đang ở',
    organisationHint: 'Chọn tỉnh, thành phố rồi xã, phường nơi đơn vị đặt trụ sở.',
    results: 'Các buổi cấp',
    empty: 'Không có buổi cấp nào phù hợp',
    emptyBody: 'Chưa có buổi cấp nào ở khu vực và thời gian này. Hãy chọn khoảng ngày dài hơn, hoặc chọn cả tỉnh, thành phố thay vì một xã, phường.',
    unknownUnit:
      'Đường dẫn này ghi khu vực có mã 19786, không phải xã, phường, đặc khu nào của chiến dịch này. Có thể đó là mã xã, phường trước ngày 1/7/2025: phần tra cứu dưới đây cho biết nay thuộc xã, phường nào.',
  },
  en: {
    campaign: 'Test campaign, Hue City 2025',
    demonstration: 'Demonstration figures',
    demonstrationNote: 'Demonstration figures. The places, sessions and figures of this campaign are made up to show how the site works; they are not a real schedule.',
    campaign2026: 'ID card campaign, Huế City 2026',
    province: 'Province or city',
    district: 'District',
    commune: 'Ward, commune or special zone',
    useLocation: 'Use my location',
    here: 'You are in Thuan Hoa Ward. Its sessions come first, then the nearest others.',
    inCommune: 'In Thuan Hoa Ward',
    nearest: 'Elsewhere, nearest first',
    atSea: /not in any commune of Viet Nam: you may be at sea/,
    distance: /About ([\d.]+) km from you/,
    book: /^Book/,
    oldOpen: 'Only know your old address?',
    oldName: 'Old ward or commune name',
    oldFind: 'Find the ward or commune today',
    oldWard: 'Phường Phú Hội',
    now: 'Thuan Hoa Ward',
    oldSessions: 'See the sessions in Thuan Hoa Ward',
    count: /\d+ sessions? found/,
    choose: /Several campaigns are running/,
    unknown: 'The campaign in this link was not found. Choose a campaign from the list.',
    todayProvince: 'Hue City',
    campaign2021: 'Chip-based ID card campaign, Thừa Thiên Huế province',
    ward2021: 'Ward or commune',
    homeVisitDistrict: 'District',
    homeVisitSend: 'Send the request',
    homeVisitWardRequired: 'Select the ward or commune where the person lives',
    organisationHint: 'Choose the province or city, then the ward or commune where the organisation is based.',
    results: 'Sessions',
    empty: 'No sessions found',
    emptyBody: 'There are no sessions in this area on these dates. Choose a longer date range, or the whole province or city instead of one ward or commune.',
    unknownUnit:
      'The link names the area with code 19786, which is not one of this campaign’s wards, communes or special zones. It may be the code of a ward or commune from before 1 July 2025: the lookup below shows which one it is part of now.',
  },
} as const;

const campaignPath = (locale: string) => `/${locale}/schedules/?campaign=${testCampaign2025.slug}`;

/** Opens the page and waits for the island to hydrate: a click before that would do nothing. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('astro-island').first()).not.toHaveAttribute('ssr');
}

const results = (page: Page) => page.getByRole('region', { name: /Các buổi cấp|Sessions/ });

test.beforeAll(async () => {
  await ensureTestCampaign2025();
});

test.beforeEach(async ({ page }) => {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
});

for (const locale of ['vi', 'en'] as const) {
  const text = texts[locale];

  test.describe(`in ${locale}`, () => {
    test.describe('standing in Phường Thuận Hoá', () => {
      const { latitude, longitude } = testCampaign2025.thuanHoa;
      test.use({ geolocation: { latitude, longitude }, permissions: ['geolocation'] });

      test('a citizen finds a session by location in a 2025 campaign, its commune first, and books it', async ({ page }, testInfo) => {
        await open(page, campaignPath(locale));
        // A demonstration campaign says so beside its name.
        await expect(page.locator('.campaign-current')).toHaveText(`${text.campaign}${text.demonstration}`);
        // Today's units: province and commune, no district.
        await expect(page.getByLabel(text.province)).toHaveValue('46');
        await expect(page.getByLabel(text.commune)).toBeEnabled();
        await expect(page.getByLabel(text.district, { exact: true })).toHaveCount(0);

        await page.getByRole('button', { name: text.useLocation }).click();
        await expect(page.getByText(text.here)).toBeVisible();
        // The answer is far below the button on a phone: the reader is taken to it, and the commune
        // the phone stands in shows without scrolling.
        const heading = results(page).getByRole('heading', { name: text.results, exact: true });
        await expect(heading).toBeFocused();
        await expect(heading).toBeInViewport();
        await expect(page.getByText(text.here)).toBeInViewport();
        const inCommune = results(page).getByRole('region', { name: text.inCommune });
        const nearest = results(page).getByRole('region', { name: text.nearest });
        await expect(inCommune.locator('.session-site').first()).toHaveText('Công an phường Thuận Hoá (thử)');
        expect(new Set(await inCommune.locator('.session-site').allTextContents())).toEqual(new Set(['Công an phường Thuận Hoá (thử)']));
        // A 2025 commune is named in the page's language (on /en its English name, not marked as Vietnamese).
        const area = inCommune.locator('.session-kind span').first();
        await expect(area).toHaveText(text.now);
        await expect(area).not.toHaveAttribute('lang');
        // The others follow, nearest first: Phú Xuân (about 2.6 km) before Phú Vang (about 19 km).
        const others = await nearest.locator('.session-site').allTextContents();
        expect(others.indexOf('Nhà văn hoá phường Phú Xuân (thử)')).toBeLessThan(others.indexOf('Trụ sở xã Phú Vang (thử)'));
        const distances = (await nearest.getByText(text.distance).allTextContents()).map((line) => Number(text.distance.exec(line)?.[1]?.replace(',', '.')));
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        await expect(page).toHaveURL(new RegExp(`campaign=${testCampaign2025.slug}&province=46&lat=16\\.456&lng=107\\.584&sort=distance`));
        await expectNoSeriousA11yViolations(page);
        // What the phone shows at the commune's note: the note and the first sessions.
        await page.getByText(text.here).scrollIntoViewIfNeeded();
        await page.screenshot({ path: testInfo.outputPath(`located-${locale}.png`) });

        await inCommune.getByRole('link', { name: text.book }).first().click();
        await expect(page).toHaveURL(/\/book\/\?shift=\d+$/);
        // The session is made up: the book page says so before anyone books it, and the ticket after.
        await expect(page.locator('.shift-summary .demonstration')).toHaveText(text.demonstrationNote);
        await expectNoSeriousA11yViolations(page);
        await page.screenshot({ path: testInfo.outputPath(`book-demonstration-${locale}.png`) });
        const words = bookingWords[locale];
        await fillPerson(page, locale, 0, person());
        await page.getByLabel(words.phone).fill(phone());
        await page.getByLabel(words.consent).check();
        await page.getByRole('button', { name: words.continue }).click();
        await page.getByRole('button', { name: words.confirm }).click();
        await expect(page.getByRole('heading', { name: words.done })).toBeVisible();
        await expect(page.getByText('Công an phường Thuận Hoá (thử)').first()).toBeVisible();
        await expect(page.locator('.ticket > .demonstration')).toHaveText(text.demonstrationNote);
        await expectNoSeriousA11yViolations(page);
        // The ticket kept on the device says it too.
        const code = await page.locator('.ticket-code').first().textContent();
        await page.goto(`/${locale}/booking/`);
        await page.getByRole('button', { name: new RegExp(code!) }).click();
        await expect(page.locator('.ticket > .demonstration')).toHaveText(text.demonstrationNote);
      });
    });

    test('a citizen who knows only the old ward finds the commune it became and its sessions', async ({ page }, testInfo) => {
      await open(page, campaignPath(locale));
      // The lookup is fetched when opened.
      await page.locator('summary', { hasText: text.oldOpen }).click();
      await page.getByLabel(text.oldName).fill('phu hoi');
      await page.getByRole('button', { name: text.oldFind }).click();
      const found = page.locator('.old-wards > li').filter({ hasText: text.oldWard }).filter({ hasText: 'Thành phố Huế' });
      await expect(found).toHaveCount(1);
      await expect(found.locator('.became')).toContainText(text.now);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`old-address-${locale}.png`), fullPage: true });

      await found.getByRole('button', { name: text.oldSessions }).click();
      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      expect(new Set(await results(page).locator('.session-site').allTextContents())).toEqual(new Set(['Công an phường Thuận Hoá (thử)']));
      await expect(page.getByLabel(text.commune)).toHaveValue(testCampaign2025.thuanHoa.code);
      await expect(page).toHaveURL(new RegExp(`\\?campaign=${testCampaign2025.slug}&ward=19789$`));
    });

    test('an empty list in a 2025 campaign advises by its units, which have no districts', async ({ page }) => {
      // Xã Quảng Điền (19867) has no session of the test campaign.
      await open(page, `${campaignPath(locale)}&ward=19867`);
      await expect(page.getByRole('heading', { name: text.empty })).toBeVisible();
      await expect(page.getByText(text.emptyBody, { exact: true })).toBeVisible();
      await expect(page.getByLabel(text.commune)).toHaveValue('19867');
      await expectNoSeriousA11yViolations(page);
    });

    test('a link naming a 2021 ward in a 2025 campaign says so and looks up the commune it became', async ({ page }, testInfo) => {
      // 19786: Phường Phú Hội of the 2021 units, now part of Phường Thuận Hoá.
      await open(page, `${campaignPath(locale)}&ward=19786`);
      await expect(page.getByText(text.unknownUnit, { exact: true })).toBeVisible();
      await expect(page.getByLabel(text.oldName)).toHaveValue('19786');
      const found = page.locator('.old-wards > li');
      await expect(found).toHaveCount(1);
      await expect(found).toContainText(text.oldWard);
      await expect(found.locator('.became')).toContainText(text.now);
      await expect(page.getByRole('status').filter({ hasText: text.count })).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`unknown-unit-${locale}.png`), fullPage: true });

      await found.getByRole('button', { name: text.oldSessions }).click();
      await expect(page.getByRole('status').filter({ hasText: text.count })).toBeVisible();
      await expect(page.getByText(text.unknownUnit, { exact: true })).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`\\?campaign=${testCampaign2025.slug}&ward=19789$`));
    });

    test.describe('at sea off Huế', () => {
      test.use({ geolocation: { latitude: 16.75, longitude: 108.0 }, permissions: ['geolocation'] });

      test('the page says the location is in no commune and lists the nearest sessions', async ({ page }, testInfo) => {
        await open(page, campaignPath(locale));
        await page.getByRole('button', { name: text.useLocation }).click();
        await expect(page.getByText(text.atSea)).toBeVisible();
        const distances = (await results(page).getByText(text.distance).allTextContents()).map((line) => Number(text.distance.exec(line)?.[1]?.replace(',', '.')));
        expect(distances.length).toBeGreaterThan(1);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        await expect(results(page).getByRole('region', { name: text.inCommune })).toHaveCount(0);
        await expectNoSeriousA11yViolations(page);
        await page.getByText(text.atSea).scrollIntoViewIfNeeded();
        await page.screenshot({ path: testInfo.outputPath(`at-sea-${locale}.png`) });
      });
    });

    test('the home-visit and organisation forms of a 2025 campaign offer its province’s communes, without districts', async ({ page }) => {
      await open(page, `/${locale}/home-visit/?campaign=${testCampaign2025.slug}`);
      await expect(page.locator('.campaign-current')).toContainText(text.campaign);
      await expect(page.getByLabel(text.province)).toHaveValue('46');
      await expect(page.getByLabel(text.homeVisitDistrict, { exact: true })).toHaveCount(0);
      // The missing commune is asked for without a district, which today's units do not have.
      await page.getByRole('button', { name: text.homeVisitSend }).click();
      await expect(page.locator('.error-summary').getByRole('link', { name: text.homeVisitWardRequired, exact: true })).toBeVisible();
      await page.getByLabel(text.commune).selectOption({ label: text.now });
      await expect(page.getByLabel(text.commune)).toHaveValue(testCampaign2025.thuanHoa.code);
      await expectNoSeriousA11yViolations(page);

      await open(page, `/${locale}/organisations/?campaign=${testCampaign2025.slug}`);
      await expect(page.getByLabel(text.province)).toHaveValue('46');
      await expect(page.getByLabel(text.district, { exact: true })).toHaveCount(0);
      await expect(page.getByText(text.organisationHint, { exact: true })).toBeVisible();
      await page.getByLabel(text.commune).selectOption({ label: text.now });
      await expect(page.getByLabel(text.commune)).toHaveValue(testCampaign2025.thuanHoa.code);
    });

    test('with several campaigns open, the reader chooses by today’s province name, and the device remembers it', async ({ page }, testInfo) => {
      await open(page, `/${locale}/schedules/`);
      await expect(page.getByText(text.choose)).toBeVisible();
      const group = page.locator('.campaign-chooser section').filter({ has: page.getByRole('heading', { name: text.todayProvince, exact: true }) });
      await expect(group.getByRole('link', { name: text.campaign2021 })).toBeVisible();
      // The demonstration mark belongs to its own campaign: in its item, after its name and above
      // its dates (on the name's line where it fits), and not in the item of the campaign listed next.
      const item = (name: string) => group.locator('li').filter({ has: page.getByRole('link', { name, exact: true }) });
      const mark = item(text.campaign2026).locator('.demo-mark');
      await expect(mark).toHaveText(text.demonstration);
      const markBox = await mark.boundingBox();
      const nameBox = await item(text.campaign2026).getByRole('link', { name: text.campaign2026, exact: true }).boundingBox();
      const datesBox = await item(text.campaign2026).locator('.campaign-dates').boundingBox();
      expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(datesBox!.y + 1);
      expect(markBox!.y).toBeGreaterThanOrEqual(nameBox!.y);
      await expect(item(text.campaign2021).locator('.demo-mark')).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`chooser-${locale}.png`), fullPage: true });

      await group.getByRole('link', { name: text.campaign2021 }).click();
      await expect(page).toHaveURL(/\?campaign=thua-thien-hue-2021$/);
      await expect(page.getByLabel(text.ward2021)).toBeVisible();
      await expect(page.getByLabel(text.province)).toHaveValue('46');

      await open(page, `/${locale}/schedules/`);
      await expect(page.locator('.campaign-current')).toHaveText(text.campaign2021);
      await expect(page).toHaveURL(/\?campaign=thua-thien-hue-2021$/);
      // A link naming a campaign nobody has says so, and offers the list.
      await open(page, `/${locale}/schedules/?campaign=no-such-campaign`);
      await expect(page.getByText(text.unknown)).toBeVisible();
      await expect(page.locator('.campaign-chooser')).toBeVisible();
      // The other pages of a campaign remember the choice.
      await open(page, `/${locale}/home-visit/`);
      await expect(page.locator('.campaign-current')).toHaveText(text.campaign2021);
      await expect(page.getByLabel(text.province)).toHaveValue('46');
    });
  });
}
