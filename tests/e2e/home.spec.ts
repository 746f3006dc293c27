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
  await expect(page.getByText('Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế')).toBeVisible();
  await expect(page.getByText('732.000 hồ sơ', { exact: true })).toBeVisible();
});

test('the language switcher keeps the reader on the same page', async ({ page }) => {
  await page.goto('/vi/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('732,000 applications', { exact: true })).toBeVisible();
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
