// Pages that stand still (issue 14): on every page with an island or a script, the layout shifts
// summed from the first paint until the island's data has arrived stay ≤ 0.05, on a phone with
// its CPU slowed 4×. CLS is about layout, not speed, so the order of events is made the same on
// every run whatever the machine's load: the island's scripts and the API's answers are held
// back a little, so the server-rendered page is always painted first, then the island renders
// its loading state, then its data (the worst order, the one a slow phone on a slow network sees).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { projectRoot } from '../../supabase/local/config.ts';
import { manageLinkHash } from '../../src/domain/manage-link.ts';
import { person } from '../support/people.ts';
import { bookPlaces } from './support/public-rpc.ts';
import { bookableShift, sql } from './support/db.ts';
import { e2eOutDir } from './support/ports.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

const limit = 0.05;
const cpuSlowdown = 4;
/** How long each script and each API answer is held: enough for a paint in between. */
const holdMs = 300;
const locales = ['vi', 'en'] as const;
type Locale = (typeof locales)[number];

interface Shift {
  value: number;
  /** The elements that moved, as `tag.class` (for the failure message). */
  sources: string[];
}

declare global {
  interface Window {
    layoutShifts?: Shift[];
  }
}

/** Records every layout shift not caused by the person (there is no input here anyway). */
function observeLayoutShifts(): void {
  window.layoutShifts = [];
  const describe = (node: Node | null | undefined) => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const classes = [...node.classList].slice(0, 2).map((name) => `.${name}`).join('');
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${classes}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
      if (entry.hadRecentInput) continue;
      window.layoutShifts!.push({ value: entry.value, sources: (entry.sources ?? []).map((source) => describe(source.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const hold = () => new Promise((resolve) => setTimeout(resolve, holdMs));

/**
 * Opens `url` with the CPU slowed and scripts and API answers held, waits until every island has
 * rendered, the network is idle and `ready` (the island's data) is visible, and returns the shifts.
 */
async function layoutShifts(page: Page, url: string, ready: (page: Page) => Locator): Promise<Shift[]> {
  await page.addInitScript(observeLayoutShifts);
  await page.route(/\/_astro\/.*\.js(\?|$)/, async (route) => {
    await hold();
    await route.continue();
  });
  await page.route(/\/(rest|auth)\/v1\//, async (route) => {
    await hold();
    await route.continue();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  try {
    await page.goto(url);
    await expect(ready(page)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    // Two frames: a shift of the last render is reported once it is painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return await page.evaluate(() => window.layoutShifts ?? []);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

function expectStill(shifts: Shift[], url: string): void {
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  test.info().annotations.push({ type: 'layout shift', description: total.toFixed(4) });
  const detail = shifts.map((shift) => `${shift.value.toFixed(4)} ${shift.sources.join(' ')}`).join('\n');
  expect(total, `layout shift of ${url}:\n${detail}`).toBeLessThanOrEqual(limit);
}

interface PageCase {
  /** The page's folder under /{lang}/, as built. */
  dir: string;
  /** The address to open, with what the page reads from it. */
  path: (locale: Locale) => Promise<string> | string;
  /** Which of the page's states, when it has several here. */
  state?: string;
  /** What shows once the island's data has arrived. */
  ready: (page: Page, locale: Locale) => Locator;
  staff?: boolean;
}

const heading = (name: string | RegExp, level?: number) => (page: Page) => page.getByRole('heading', { name, level }).first();

const campaign = 'thua-thien-hue-2021';
const suffix = () => Math.random().toString(36).slice(2, 8);

/** A published session from today on (the board shows its site's name). */
async function boardSession(): Promise<{ sessionId: string; site: string }> {
  const [row] = await sql<{ session_id: string; site: string }>(
    `select sess.id as session_id, site.name as site
     from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id
     where sess.published and sess.cancelled_at is null and sess.session_date >= (now() at time zone 'Asia/Ho_Chi_Minh')::date
     order by sess.session_date, sess.id limit 1`,
  );
  if (!row) throw new Error('The demo seed has no published session from today on');
  return { sessionId: row.session_id, site: row.site };
}

/**
 * A bookable shift in Tây Ninh, a campaign no other spec reads: the booking and the sign-up link
 * made here show in no other spec's lists or counts (the officers' of Phú Hội, for one).
 */
async function quietShift(): Promise<{ shiftId: number; sessionId: number }> {
  const [row] = await sql<{ shift_id: string; session_id: string }>(
    `select s.id as shift_id, sess.id as session_id
     from public.shifts s
     join public.intake_sessions sess on sess.id = s.session_id
     join public.campaigns c on c.id = sess.campaign_id
     where c.slug = 'tay-ninh-2021' and sess.published and sess.cancelled_at is null
       and s.starts_at > now() + interval '1 day' and s.capacity - s.booked >= 2
     order by s.starts_at limit 1`,
  );
  if (!row) throw new Error('no bookable shift in the Tây Ninh campaign');
  return { shiftId: Number(row.shift_id), sessionId: Number(row.session_id) };
}

/** An open sign-up link; its coordinator token is the share token + 'c'. */
async function signupLink(): Promise<{ token: string; org: string }> {
  const { sessionId } = await quietShift();
  const org = `Trường THPT thử ${suffix()}`;
  const token = `cls${suffix()}${suffix()}${suffix()}`.padEnd(22, 'x');
  await sql(
    `insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, share_token, coordinator_token_hash, created_by)
     select $1, $3, 'school', 25, now() + interval '3 days', $2, sha256(convert_to($2 || 'c', 'utf8')), id
     from auth.users where email = 'phuhoi.hue@cccd.local'`,
    [sessionId, token, org],
  );
  return { token, org };
}

let link: Promise<{ token: string; org: string }> | undefined;
const sharedLink = () => (link ??= signupLink());
let board: Promise<{ sessionId: string; site: string }> | undefined;
const sharedBoard = () => (board ??= boardSession());

const cases: PageCase[] = [
  {
    dir: 'schedules',
    // The old posters' address: a ward, so the island searches at once.
    path: (locale) => `/${locale}/schedules/?ward=19786`,
    ready: (page) => page.getByRole('link', { name: /^(Đặt chỗ|Book)(\s|$)/ }).first(),
  },
  {
    dir: 'book',
    path: async (locale) => `/${locale}/book/?shift=${(await bookableShift()).shiftId}`,
    ready: (page) => page.getByRole('group', { name: /^(Người thứ 1|Person 1)$/ }),
  },
  { dir: 'booking', path: (locale) => `/${locale}/booking/`, ready: (page) => page.getByRole('button', { name: /^(Tìm lịch hẹn|Find booking)$/ }) },
  {
    // The ticket, opened from its private link: two people, each with a QR code drawn once its generator has loaded.
    dir: 'booking',
    state: 'a ticket',
    path: async (locale) => {
      const { bookings, token } = await bookPlaces((await quietShift()).shiftId, [person(), person()]);
      return `/${locale}/booking/${manageLinkHash({ code: bookings[0]!.code, token: token! })}`;
    },
    ready: (page) => page.locator('.qr svg').nth(1),
  },
  {
    dir: 'now-serving',
    path: async (locale) => `/${locale}/now-serving/?session=${(await sharedBoard()).sessionId}`,
    ready: (page) => page.getByText(/^(Cập nhật lúc|Updated at) /),
  },
  {
    dir: 'home-visit',
    path: (locale) => `/${locale}/home-visit/?campaign=${campaign}`,
    ready: (page) => page.getByRole('button', { name: /Gửi đề nghị|Send the request/ }),
  },
  { dir: 'home-visit/status', path: (locale) => `/${locale}/home-visit/status/`, ready: (page) => page.getByText(/^(Hãy mở trang này|Open this page) /) },
  {
    dir: 'organisations',
    path: (locale) => `/${locale}/organisations/?campaign=${campaign}`,
    ready: (page) => page.getByRole('button', { name: /Gửi đề nghị|Send the request/ }),
  },
  {
    dir: 'join',
    path: async (locale) => `/${locale}/join/?t=${(await sharedLink()).token}`,
    ready: (page) => page.getByRole('button', { name: /^(Đăng ký|Sign up)$/ }),
  },
  {
    dir: 'join/coordinator',
    path: async (locale) => `/${locale}/join/coordinator/#t=${(await sharedLink()).token}c`,
    ready: (page) => page.getByLabel(/^(Tìm theo tên|Search by name)/),
  },
  { dir: 'messages/stop', path: (locale) => `/${locale}/messages/stop/#t=${'0'.repeat(32)}`, ready: (page) => page.getByRole('button', { name: /^(Ngừng nhận tin nhắn|Stop messages)$/ }) },
  { dir: 'progress', path: (locale) => `/${locale}/progress/`, ready: (page) => page.getByText(/^(Số liệu cập nhật|Figures as of) .*\d:\d/).first() },
  { dir: 'staff', path: (locale) => `/${locale}/staff/`, ready: (page) => page.getByText(/^(Xin chào|Hello)/).first(), staff: true },
  { dir: 'staff/sessions', path: (locale) => `/${locale}/staff/sessions/`, ready: heading(/./, 2), staff: true },
  { dir: 'staff/day', path: (locale) => `/${locale}/staff/day/`, ready: heading(/./, 2), staff: true },
  { dir: 'staff/book', path: (locale) => `/${locale}/staff/book/`, ready: (page) => page.getByRole('combobox', { name: /^(Ca|Shift)$/ }), staff: true },
  { dir: 'staff/home-visits', path: (locale) => `/${locale}/staff/home-visits/`, ready: heading(/./, 2), staff: true },
  { dir: 'staff/links', path: (locale) => `/${locale}/staff/links/`, ready: heading(/./, 2), staff: true },
  { dir: 'staff/links/poster', path: (locale) => `/${locale}/staff/links/poster/`, ready: (page) => page.locator('main [role="alert"], main .notice').first(), staff: true },
  { dir: 'staff/notice', path: (locale) => `/${locale}/staff/notice/?ward=19786`, ready: (page) => page.locator('.notice-sheet'), staff: true },
  // Signed in as a commune officer: the page says it is for province administrators.
  { dir: 'staff/campaigns', path: (locale) => `/${locale}/staff/campaigns/`, ready: (page) => page.locator('main .notice').first(), staff: true },
  // The same for the planner: for province administrators.
  { dir: 'staff/planner', path: (locale) => `/${locale}/staff/planner/`, ready: (page) => page.locator('main .notice').first(), staff: true },
  // The same: these two say they are for administrators; the password form is everyone's.
  { dir: 'staff/accounts', path: (locale) => `/${locale}/staff/accounts/`, ready: (page) => page.getByText(/^(Tài khoản của bạn không quản lý|Your account does not manage)/), staff: true },
  { dir: 'staff/audit', path: (locale) => `/${locale}/staff/audit/`, ready: (page) => page.getByText(/^(Nhật ký thao tác dành cho|The audit log is for)/), staff: true },
  { dir: 'staff/password', path: (locale) => `/${locale}/staff/password/`, ready: (page) => page.getByLabel(/^(Mật khẩu mới|New password)$/), staff: true },
];

/** Every built page of the first locale whose HTML runs a script: the pages that may move. */
async function pagesWithScripts(): Promise<string[]> {
  const root = path.join(projectRoot, e2eOutDir, 'vi');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const html = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    if (/<astro-island|<script type="module"/.test(html)) dirs.push(path.relative(root, entry.parentPath).split(path.sep).join('/'));
  }
  return dirs.sort();
}

test('every built page with a script is measured here', async () => {
  const measured = new Set(cases.map((each) => each.dir));
  expect((await pagesWithScripts()).filter((dir) => !measured.has(dir))).toEqual([]);
});

for (const each of cases) {
  for (const locale of locales) {
    test(`/${locale}/${each.dir}/${each.state ? ` (${each.state})` : ''} stands still while its island loads (CLS ≤ ${limit}, CPU ${cpuSlowdown}× slower)`, async ({ page }) => {
      if (each.staff) await signInAsCommuneOfficer(page);
      const url = await each.path(locale);
      expectStill(await layoutShifts(page, url, (tab) => each.ready(tab, locale)), url);
    });
  }
}
