// Content pages ship no JavaScript: none requested, none inline.
import { expect, type Page } from '@playwright/test';

/** Opens `path` and checks that the page neither loads nor contains a script. */
export async function gotoExpectingNoScript(page: Page, path: string): Promise<void> {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect(scripts, `${path} requested scripts`).toEqual([]);
  expect(await page.locator('script').count(), `${path} contains <script>`).toBe(0);
}
