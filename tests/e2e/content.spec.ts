import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { gotoExpectingNoScript } from './support/no-scripts.ts';

for (const path of ['/vi/guide/', '/en/guide/', '/vi/faq/', '/en/faq/']) {
  test(`the content page ${path} loads no script and passes axe`, async ({ page }) => {
    await gotoExpectingNoScript(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('the eligibility checker shows the one answer for the radios chosen with the keyboard', async ({ page }) => {
  await page.goto('/en/guide/');
  const answers = page.getByRole('region', { name: 'Your answer' });
  await expect(answers.getByText('Choose an age and a card to see the answer here.')).toBeVisible();

  // Arrow keys move through a radio group and check what they land on.
  await page.getByRole('radio', { name: 'Under 6' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: '14 to 22' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'None' })).toBeFocused();
  await page.keyboard.press('Space');

  // Every answer is in the page; only the chosen one is shown.
  const shown = answers.locator('section').filter({ visible: true });
  await expect(shown).toHaveCount(1);
  await expect(shown.getByRole('heading', { name: 'Aged 14 to 22, card: None' })).toBeVisible();
  await expect(shown.getByText('You must apply for a card.')).toBeVisible();
  await expect(shown.getByText('Application: first card.')).toBeVisible();
  await expect(shown.getByText('Fee: free.')).toBeVisible();
  await expect(answers.getByText('Choose an age and a card to see the answer here.')).toBeHidden();

  // Another card changes the answer without a reload.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Old 9-digit ID card (CMND)' })).toBeChecked();
  await expect(shown).toHaveCount(1);
  await expect(shown.getByText('Your old card is no longer valid.')).toBeVisible();
});

test('the checker says a child under 14 may get a card on request, in Vietnamese', async ({ page }) => {
  await page.goto('/vi/guide/');
  await page.getByRole('radio', { name: 'Từ 6 đến 13 tuổi' }).check();
  await page.getByRole('radio', { name: 'Chưa có' }).check();
  const shown = page.getByRole('region', { name: 'Câu trả lời cho bạn' }).locator('section').filter({ visible: true });
  await expect(shown).toHaveCount(1);
  await expect(shown.getByText(/làm thẻ là không bắt buộc/)).toBeVisible();
  await expect(shown.getByText(/Căn cứ: Luật Căn cước 2023/)).toBeVisible();
});

test('the fees come from data with their source and validity dates', async ({ page }) => {
  await page.goto('/en/guide/');
  const fees = page.getByRole('region', { name: 'Fees', exact: true });
  await expect(fees.getByRole('row', { name: /conversion to the current card/i }).first()).toBeVisible();
  await expect(fees.getByText(/^Source: Circular 73\/2024\/TT-BTC, article 4/)).toBeVisible();
  const history = fees.getByRole('table', { name: /Every fee period/ });
  await expect(history.getByRole('row', { name: /Circular 112\/2020\/TT-BTC/ })).toContainText('January 1, 2021');
  await expect(history.getByRole('row', { name: /Circular 112\/2020\/TT-BTC/ })).toContainText('15,000 VND');
  await expect(page.getByRole('table', { name: /by the law in force/ })).toContainText('Law on Citizen Identification 2014');
});

test('a FAQ question opens with the keyboard and by its link', async ({ page }) => {
  await page.goto('/en/faq/');
  const question = page.getByText('Do I need to book?');
  const answer = page.getByText(/You can come to a mobile session without booking/);
  await expect(answer).toBeHidden();
  await question.focus();
  await page.keyboard.press('Enter');
  await expect(answer).toBeVisible();
  await expect(page.locator('#do-i-need-to-book').getByRole('link', { name: 'Find a session near you' })).toHaveAttribute('href', '/en/schedules/');

  await page.goto('/vi/faq/#data');
  await expect(page.getByText(/Nghị định 13\/2023\/NĐ-CP/)).toBeVisible();
  // The period is stated once, on the privacy notice the answer links to.
  await expect(page.locator('#data').getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân' })).toHaveAttribute('href', '/vi/privacy/');
});
