// Large text and narrow screens (WCAG 1.4.10 reflow, 1.4.4 resize text): every built page, citizen
// and staff, in both languages, fits without sideways scrolling at 320 CSS px and at 390 px with the
// reader's default text size doubled; every radio and checkbox shown is a whole row of at least 44 px.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bookOnePerson } from './support/booking-form.ts';
import { freshShift } from './support/db.ts';
import { e2eOutDir } from './support/ports.ts';
import { signInAsOfficer } from './support/staff.ts';

/** Every page the build made under /vi/ and /en/, and its 404 page, as paths: a new page is checked without a word here. */
function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') pages.push(`/${relative(e2eOutDir, dir).split(sep).join('/')}/`);
    }
  };
  for (const locale of ['vi', 'en']) walk(join(e2eOutDir, locale));
  return [...pages.sort(), '/404.html'];
}

interface Screen {
  name: string;
  width: number;
  /** The browser's default text size, as a reader sets it in the browser's settings, in px. */
  textSize: number;
}

const screens: Screen[] = [
  { name: '320 px', width: 320, textSize: 16 },
  { name: '390 px with text at 200 %', width: 390, textSize: 32 },
];

/** Sets the browser's default text size (Chromium's own setting): the root's `100%` and every `rem` follow it. */
async function setTextSize(page: Page, size: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: size, fixed: Math.round(size * 0.8125) } });
}

/** Waits until the page's islands have drawn what their data gives them, those below the fold too. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * How far the page scrolls sideways, and the innermost elements that stick out past the right edge.
 * The screen's width is the root's clientWidth: on a phone (isMobile) Chromium widens the layout
 * viewport, and with it innerWidth, to whatever sticks out, so innerWidth would never show it.
 */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // An element's own box, or its text when a word is longer than the box is wide.
    const reach = (element: Element) => {
      const box = element.getBoundingClientRect();
      return Math.max(box.right, element.clientWidth > 0 ? box.left + element.scrollWidth : 0);
    };
    // What a box that scrolls on its own (a wide table in its region) holds does not move the page.
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((element) => reach(element) > width + 0.5 && !clipped(element));
    // Only the innermost: the element that pushes, not every box around it.
    const innermost = sticking.filter((element) => !sticking.some((other) => other !== element && element.contains(other)));
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}` +
      ` (right ${Math.round(reach(element))} px)`;
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: innermost.slice(0, 5).map(describe) };
  });
}

/**
 * The radios and checkboxes shown whose row is not one target of at least 44 px: the box and its
 * label together, with no gap between them that a tap could fall into (hit-tested at points across
 * the row, as a finger lands).
 */
function smallChoices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')];
    const failures: string[] = [];
    for (const input of inputs.filter((each) => each.checkVisibility({ visibilityProperty: true }))) {
      // The row's top a little below the screen's; a row taller than the screen is tested where it shows.
      const row = () => [input, ...(input.labels ?? [])].map((element) => element.getBoundingClientRect());
      window.scrollBy(0, Math.min(...row().map((box) => box.top)) - 8);
      const boxes = row();
      const top = Math.min(...boxes.map((box) => box.top));
      const bottom = Math.max(...boxes.map((box) => box.bottom));
      const left = Math.min(...boxes.map((box) => box.left));
      const right = Math.max(...boxes.map((box) => box.right));
      const name = `${input.type} "${input.labels?.[0]?.textContent?.trim().slice(0, 40) ?? input.id}"`;
      if (bottom - top < 44 - 0.5) {
        failures.push(`${name}: ${Math.round(bottom - top)} px high`);
        continue;
      }
      const picks = (x: number, y: number) => {
        const hit = document.elementFromPoint(x, y);
        return hit === input || [...(input.labels ?? [])].some((label) => label.contains(hit));
      };
      const xs = [0.02, 0.25, 0.5, 0.75, 0.98].map((share) => left + share * (right - left));
      const ys = [0.05, 0.5, 0.95].map((share) => Math.min(top + share * (bottom - top), window.innerHeight - 1));
      const misses = xs.flatMap((x) => ys.filter((y) => !picks(x, y)).map((y) => `(${Math.round(x - left)}, ${Math.round(y - top)})`));
      if (misses.length > 0) failures.push(`${name}: a tap at ${misses.join(' ')} px into its row picks nothing`);
    }
    window.scrollTo(0, 0);
    return failures;
  });
}

for (const screen of screens) {
  test(`no page scrolls sideways at ${screen.name}, and every radio and checkbox is a 44 px row`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: screen.width, height: 844 });
    await setTextSize(page, screen.textSize);
    // A session of its own: the booking below must not take a place another test counts on.
    const { shiftId, sessionId } = await freshShift();
    const paths = builtPages();
    expect(paths.length, `pages found in ${e2eOutDir}`).toBeGreaterThan(30);
    const failures: string[] = [];
    const check = async (what: string) => {
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${screen.textSize}px`);
      const { scrollWidth, width, culprits } = await overflow(page);
      if (scrollWidth > width) failures.push(`${what} at ${screen.name}: ${scrollWidth} px wide; ${culprits.join(', ')}`);
      for (const choice of await smallChoices(page)) failures.push(`${what} at ${screen.name}: ${choice}`);
    };
    const visit = async (path: string) => {
      await page.goto(path);
      await settle(page);
      await check(path);
    };

    // A page that shows more once it has data is checked with it too.
    const withData = ['vi', 'en'].flatMap((locale) => [
      `/${locale}/book/?shift=${shiftId}`,
      `/${locale}/schedules/?district=474`,
      `/${locale}/now-serving/?session=${sessionId}`,
      `/${locale}/home-visit/?campaign=thua-thien-hue-2021`,
      `/${locale}/organisations/?campaign=thua-thien-hue-2021`,
    ]);
    for (const path of [...paths.filter((path) => !path.includes('/staff/')), ...withData]) await visit(path);

    // The ticket, right after booking, and the booking it opens by its private link.
    await bookOnePerson(page, 'en', shiftId);
    await check('the ticket on /en/book/');
    await page.getByRole('link', { name: 'See, move or cancel the booking' }).click();
    await settle(page);
    await check('the booking on /en/booking/');

    // Staff pages signed in: what an officer works with is most of the page.
    await signInAsOfficer(page, 'tinh.hue@cccd.local');
    for (const path of paths.filter((path) => path.includes('/staff/'))) await visit(path);

    expect(failures, 'pages that scroll sideways or have small choices').toEqual([]);
  });
}
