// What a page weighs: one definition for `npm run bench:pages` (which prints it) and
// tests/e2e/page-weight.spec.ts (which fails on it). A page's first state is what it loads, opened
// fresh at a phone's size (an officer signed in, on staff pages), until the network is idle: its
// JavaScript, gzipped here so the figure does not depend on the server's compression, stays within
// 100 kB. Content pages load none. Code loaded only on a person's action (the map, the QR generator,
// the scanner) is never loaded before it, and what the action loads from the site stays within
// 150 kB gzipped, but for a WebAssembly decoder, which is listed and not budgeted.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from '@playwright/test';
import { demoPassword } from '../../supabase/local/demo-staff.ts';
import { locales } from '../../src/i18n/config.ts';
import { confirmOnePerson } from '../e2e/support/booking-form.ts';

export const kB = 1000;
export const firstStateBudget = 100 * kB;
export const onActionBudget = 150 * kB;
/** Information pages: they must work, and stay light, without any script. */
export const contentPages = new Set(['', 'guide', 'faq']);
/** The officer whose first state staff pages are weighed in: a commune's notice opens at once, with its QR code. */
export const weighingOfficer = 'phuhoi.hue@cccd.local';

/** One response: its address, whether it is JavaScript or WebAssembly, and its body's gzipped size. */
export interface Load {
  url: string;
  kind: 'js' | 'wasm' | 'other';
  bytes: number;
}

export const bytesOf = (loads: Load[], kind: Load['kind']) => loads.filter((load) => load.kind === kind).reduce((sum, load) => sum + load.bytes, 0);

export const isStaffPage = (dir: string) => dir === 'staff' || dir.startsWith('staff/');

/** What ids a page needs in its address to show its first state. */
export interface SampleIds {
  /** A shift anyone may book. */
  shiftId: number;
  sessionId: number;
  /** A shift of today in the weighing officer's ward, for the day of intake; without one its action is not weighed. */
  officerShiftId?: number;
}

/** Every page, by its folder under /{lang}/ (`''` is the home page), with the query it needs. */
export interface PageSpec {
  dir: string;
  query: string;
}

/** Every `<dir>/index.html` under the built site's first language: no page is left out. */
export async function builtPages(outDir: string, ids: SampleIds): Promise<PageSpec[]> {
  const root = path.join(outDir, locales[0]);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const queries: Record<string, string> = { book: `?shift=${ids.shiftId}`, 'now-serving': `?session=${ids.sessionId}` };
  return entries
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => path.relative(root, entry.parentPath).split(path.sep).join('/'))
    .sort()
    .map((dir) => ({ dir, query: queries[dir] ?? '' }));
}

export const pagePath = (locale: string, page: PageSpec) => `/${locale}/${page.dir ? `${page.dir}/` : ''}${page.query}`;

/** Records every response of a tab from now on; `take()` hands over those so far and starts again. */
export function recordLoads(page: Page) {
  let bodies: Promise<Load>[] = [];
  let inFlight = 0;
  let lastChange = Date.now();
  page.on('request', () => {
    inFlight++;
    lastChange = Date.now();
  });
  const done = () => {
    inFlight--;
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    const kind = /wasm/.test(type) ? 'wasm' : response.request().resourceType() === 'script' || /javascript/.test(type) ? 'js' : 'other';
    // A redirect has no body; it still counts as a request.
    bodies.push(response.body().then((body) => ({ url: response.url(), kind, bytes: gzipSync(body).length }), () => ({ url: response.url(), kind, bytes: 0 })));
  });
  return {
    async take(): Promise<Load[]> {
      const taken = bodies;
      bodies = [];
      return Promise.all(taken);
    },
    /** Waits, after an action, until no request has been open for half a second (as networkidle). */
    async settle(): Promise<void> {
      while (inFlight > 0 || Date.now() - lastChange < 500) await page.waitForTimeout(100);
    },
  };
}

/** A phone's tab, as the e2e tests use: 390 × 844, touch. */
export function phoneContext(browser: Browser, baseURL: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState });
}

/** Signs an officer (the weighing officer unless named) in through the console's home; the storage then opens staff pages signed in. */
export async function officerStorage(browser: Browser, baseURL: string, email = weighingOfficer) {
  const context = await phoneContext(browser, baseURL);
  try {
    const page = await context.newPage();
    await page.goto('/vi/staff/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Xin chào', { exact: false }).waitFor();
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export interface FirstState {
  status: number;
  loads: Load[];
  /** What breaks the budgets, in words; empty when the page is within them. */
  problems: string[];
}

/** Opens a page fresh in `page` and weighs its first state against the budgets. */
export async function weighFirstState(page: Page, recorder: ReturnType<typeof recordLoads>, spec: PageSpec, locale: string): Promise<FirstState> {
  const response = await page.goto(pagePath(locale, spec), { waitUntil: 'networkidle', timeout: 30_000 });
  const status = response?.status() ?? 0;
  const loads = await recorder.take();
  const js = bytesOf(loads, 'js') + bytesOf(loads, 'wasm');
  const problems: string[] = [];
  if (status >= 400 || status === 0) problems.push(`HTTP ${status}`);
  if (contentPages.has(spec.dir) && js > 0) problems.push('content page loads JavaScript');
  if (js > firstStateBudget) problems.push(`JavaScript ${(js / kB).toFixed(1)} kB gz, over ${firstStateBudget / kB} kB`);
  for (const action of onActions.filter((each) => each.dir === spec.dir)) {
    const early = loads.filter((load) => action.code.test(load.url)).map((load) => load.url);
    if (early.length) problems.push(`loads ${action.name} before it is asked for: ${early.join(', ')}`);
  }
  return { status, loads, problems };
}

/** Code a person's action loads: where, which files (by name), and the action. */
export interface OnAction {
  name: string;
  /** The page's folder under /{lang}/, weighed first (an officer signed in on staff pages). */
  dir: string;
  /** The built files of that code, by their names. */
  code: RegExp;
  /** The address's query, from the ids the run found; null when they lack what the action needs. */
  query: (ids: SampleIds) => string | null;
  act: (page: Page) => Promise<void>;
  /** The account the action needs, when the weighing officer cannot do it. */
  officer?: string;
}

export const onActions: OnAction[] = [
  {
    name: 'the sessions map',
    dir: 'schedules',
    code: /leaflet|session-map/i,
    query: () => '?district=474',
    act: async (page) => {
      await page.getByRole('button', { name: 'Xem trên bản đồ' }).click();
      await page.getByRole('region', { name: /Bản đồ/ }).locator('.leaflet-marker-icon').first().waitFor();
    },
  },
  {
    name: 'the QR generator (the ticket after booking)',
    dir: 'book',
    code: /qrcode/i,
    query: (ids) => `?shift=${ids.shiftId}`,
    act: async (page) => {
      await confirmOnePerson(page, 'vi');
      await page.locator('.ticket canvas, .ticket svg, .ticket img').first().waitFor();
    },
  },
  {
    name: 'the QR scanner',
    dir: 'staff/day',
    code: /Scanner/,
    query: (ids) => (ids.officerShiftId ? `?shift=${ids.officerShiftId}` : null),
    act: async (page) => {
      await page.getByRole('button', { name: 'Quét mã QR' }).click();
    },
  },
  {
    // Only a province administrator plans: the planner, its edits and the builder of its input load with the first plan.
    name: 'the planner',
    dir: 'staff/planner',
    code: /plan-engine/,
    officer: 'tinh.hue@cccd.local',
    query: () => '',
    act: async (page) => {
      await page.getByRole('button', { name: 'Lập lịch', exact: true }).click();
      await page.getByRole('heading', { name: 'So với chỉ tiêu', exact: true }).waitFor({ timeout: 60_000 });
    },
  },
];

export interface ActionWeight {
  first: FirstState;
  /** What the action loaded from the site (its API calls aside). */
  loads: Load[];
  problems: string[];
}

/** Weighs a page's first state, then what `action` loads, against the per-action budget. */
export async function weighAction(page: Page, recorder: ReturnType<typeof recordLoads>, action: OnAction, query: string, siteOrigin: string): Promise<ActionWeight> {
  const first = await weighFirstState(page, recorder, { dir: action.dir, query }, 'vi');
  await action.act(page);
  await recorder.settle();
  const loads = (await recorder.take()).filter((load) => load.url.startsWith(siteOrigin));
  const problems = [...first.problems];
  if (!loads.some((load) => action.code.test(load.url))) problems.push(`${action.name} loaded no file matching ${action.code}`);
  const budgeted = bytesOf(loads, 'js') + bytesOf(loads, 'other');
  if (budgeted > onActionBudget) problems.push(`${action.name} loads ${(budgeted / kB).toFixed(1)} kB gz, over ${onActionBudget / kB} kB`);
  return { first, loads, problems };
}
