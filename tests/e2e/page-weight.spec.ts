// The JavaScript budgets (tests/support/page-weight.ts, which `npm run bench:pages` prints): every
// built page's first state in both languages (an officer signed in, on staff pages), and the code
// a person's action loads, never before it.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { locales } from '../../src/i18n/config.ts';
import { projectRoot } from '../../supabase/local/config.ts';
import { bookableShift, freshShift } from './support/db.ts';
import { e2eOutDir, siteUrl } from './support/ports.ts';
import {
  builtPages,
  bytesOf,
  isStaffPage,
  kB,
  officerStorage,
  onActions,
  pagePath,
  phoneContext,
  recordLoads,
  weighAction,
  weighFirstState,
  type SampleIds,
} from '../support/page-weight.ts';

// The map's tiles come from openstreetmap.org: the test never fetches them.
const tiles = 'https://tile.openstreetmap.org/**';

test('every page’s first state loads at most 100 kB of JavaScript (none on content pages), and no code kept for an action', async ({ browser }) => {
  test.setTimeout(240_000);
  const { shiftId, sessionId } = await bookableShift();
  const pages = await builtPages(path.join(projectRoot, e2eOutDir), { shiftId, sessionId });
  expect(pages.length, 'built pages').toBeGreaterThan(10);
  const officer = await officerStorage(browser, siteUrl);
  const breaches: string[] = [];
  for (const spec of pages) {
    const context = await phoneContext(browser, siteUrl, isStaffPage(spec.dir) ? officer : undefined);
    try {
      const page = await context.newPage();
      await page.route(tiles, (route) => route.abort());
      const recorder = recordLoads(page);
      for (const locale of locales) {
        const { problems, loads } = await weighFirstState(page, recorder, spec, locale);
        if (problems.length) breaches.push(`${pagePath(locale, spec)} (${(bytesOf(loads, 'js') / kB).toFixed(1)} kB JS): ${problems.join('; ')}`);
      }
    } finally {
      await context.close();
    }
  }
  expect(breaches).toEqual([]);
});

test('code loaded on a person’s action comes only with the action, within 150 kB per action', async ({ browser }) => {
  test.setTimeout(180_000);
  const { shiftId, sessionId } = await bookableShift();
  const ids: SampleIds = { shiftId, sessionId, officerShiftId: (await freshShift()).shiftId };
  const officer = await officerStorage(browser, siteUrl);
  for (const action of onActions) {
    const query = action.query(ids);
    expect(query, `${action.name}: the ids it needs`).not.toBeNull();
    const storage = action.officer ? await officerStorage(browser, siteUrl, action.officer) : officer;
    const context = await phoneContext(browser, siteUrl, isStaffPage(action.dir) ? storage : undefined);
    try {
      const page = await context.newPage();
      await page.route(tiles, (route) => route.abort());
      const { problems } = await weighAction(page, recordLoads(page), action, query!, siteUrl);
      expect(problems, action.name).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
