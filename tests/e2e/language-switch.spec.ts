// The language switcher on pages whose address carries their state (a token, a booking code, a
// shift, a session, filters) keeps the query string and fragment; content pages stay script-free
// and link to the other language's page alone.
import { expect, test } from '@playwright/test';

const keeping = [
  '/vi/book/?shift=12',
  '/vi/booking/#code=K7M29QX4T&t=abcdefghijklmnopqrstuv',
  '/vi/home-visit/status/#code=K7M29QX4T&t=abcdefghijklmnopqrstuv',
  '/vi/now-serving/?session=3',
  '/vi/schedules/?province=46&district=474',
  '/vi/staff/notice/?ward=19786',
];

for (const address of keeping) {
  test(`the switch to English on ${address} keeps the address's query and fragment`, async ({ page }) => {
    await page.goto(address);
    const english = page.getByRole('navigation', { name: 'Ngôn ngữ' }).getByRole('link', { name: 'English' });
    await expect(english).toHaveAttribute('href', address.replace(/^\/vi\//, '/en/'));
  });
}

test('the switch on a content page links to the other language\'s page alone', async ({ page }) => {
  await page.goto('/vi/guide/?from=poster');
  await expect(page.getByRole('navigation', { name: 'Ngôn ngữ' }).getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/guide/');
});
