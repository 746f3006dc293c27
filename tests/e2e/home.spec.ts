import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { gotoExpectingNoScript } from './support/no-scripts.ts';

test('the root address sends a reader to the Vietnamese home page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/vi\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('the home page shows the seeded campaign read from the database', async ({ page }) => {
  await page.goto('/vi/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const featured = page.getByRole('region', { name: 'Chiến dịch của tỉnh' });
  await expect(featured.getByText('Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế')).toBeVisible();
  await expect(page.getByText('732.000 hồ sơ', { exact: true })).toBeVisible();
});

test('the language switcher keeps the reader on the same page', async ({ page }) => {
  await page.goto('/vi/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('732,000 applications', { exact: true })).toBeVisible();
  // The campaign's source is the province's Vietnamese text: marked so on the English page.
  await expect(page.getByRole('definition').filter({ hasText: /^Chỉ thị 13\/CT-UBND/ })).toHaveAttribute('lang', 'vi');
  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page).toHaveURL(/\/vi\/$/);
});

test('the home page shows progress against the quota as of the build date', async ({ page }) => {
  await page.goto('/en/');
  const progress = page.getByRole('region', { name: 'How far the province has come' });
  await expect(progress.getByRole('progressbar', { name: 'Share of the target reached' })).toBeVisible();
  await expect(progress.getByText(/of 732,000$/)).toBeVisible();
  await expect(progress.getByText(/^Figures as of /)).toBeVisible();
  await expect(progress.getByRole('link', { name: /See progress/ })).toHaveAttribute('href', '/en/progress/');
});

test('the three calls to action lead to their pages in the reader\'s language', async ({ page }) => {
  await page.goto('/en/');
  const actions = page.getByRole('region', { name: /./ }).getByRole('link');
  const hrefs = await actions.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toEqual(expect.arrayContaining(['/en/schedules/', '/en/home-visit/', '/en/organisations/']));
});

const campaignsText = {
  vi: {
    heading: 'Các chiến dịch đang diễn ra',
    todayProvince: 'Thành phố Huế',
    campaign2021: 'Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế',
    campaign2025: 'Chiến dịch cấp căn cước thành phố Huế 2026',
    demonstration: 'Số liệu minh hoạ',
    progressOf: (name: string) => `Xem tiến độ của ${name}`,
  },
  en: {
    heading: 'Campaigns running',
    todayProvince: 'Hue City',
    campaign2021: 'Chip-based ID card campaign, Thừa Thiên Huế province',
    campaign2025: 'ID card campaign, Huế City 2026',
    demonstration: 'Demonstration figures',
    progressOf: (name: string) => `See progress of ${name}`,
  },
} as const;

for (const [locale, text] of Object.entries(campaignsText)) {
  test(`the home page ${locale} lists the campaigns on the 2021 and the 2025 units, each leading to its sessions and progress`, async ({ page }) => {
    await gotoExpectingNoScript(page, `/${locale}/`);
    const campaigns = page.getByRole('region', { name: text.heading });
    // Grouped as the chooser groups them: under the province's name of today.
    const group = campaigns.locator('section').filter({ has: page.getByRole('heading', { name: text.todayProvince, exact: true }) });
    for (const [slug, name] of [['thua-thien-hue-2021', text.campaign2021], ['thanh-pho-hue-2026', text.campaign2025]] as const) {
      await expect(group.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/${locale}/schedules/?campaign=${slug}`);
      await expect(group.getByRole('link', { name: text.progressOf(name), exact: true })).toHaveAttribute(
        'href',
        `/${locale}/progress/?campaign=${slug}`,
      );
    }
    const demonstration = (name: string) => group.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) }).getByText(text.demonstration);
    await expect(demonstration(text.campaign2025)).toBeVisible();
    await expect(demonstration(text.campaign2021)).toHaveCount(0);
    // The featured campaign's figures stay.
    await expect(page.getByRole('progressbar')).toBeVisible();

    await group.getByRole('link', { name: text.campaign2025, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/schedules/\\?campaign=thanh-pho-hue-2026$`));
    await expect(page.locator('.campaign-current')).toContainText(text.campaign2025);
  });
}

for (const path of ['/vi/', '/en/']) {
  test(`the content page ${path} loads no script and passes axe`, async ({ page }) => {
    await gotoExpectingNoScript(page, path);
    await expectNoSeriousA11yViolations(page);
  });
}

test('an unknown address shows the not-found page in both languages', async ({ page }) => {
  const response = await page.goto('/vi/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
