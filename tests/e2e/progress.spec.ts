import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { bookPlaces } from './support/public-rpc.ts';
import { person } from '../support/people.ts';
import { formatPercent, parseCampaignProgress, type CampaignProgress } from '../../src/domain/progress.ts';
import { leaders, rankedCount, unitsAtRisk } from '../../src/domain/ranking.ts';
import { formatNumber } from '../../src/lib/format.ts';

// The figures the page must show, read from the same database the page reads when it opens.
async function readProgress(slug = 'thua-thien-hue-2021'): Promise<CampaignProgress> {
  const [row] = await sql<{ progress: unknown }>('select public.campaign_progress($1) as progress', [slug]);
  return parseCampaignProgress(row!.progress);
}

// Bắc Kạn: no other spec books there or records its counts, so its figures hold still while a test
// compares them (Thừa Thiên Huế's change under the booking and day-of-intake specs).
const bacKan = 'bac-kan-2021';

const pages = [
  {
    locale: 'vi',
    path: '/vi/progress/',
    campaign: 'Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế',
    ranking: 'Xếp hạng thi đua giữa các huyện',
    table: /^Xếp hạng các huyện theo tỷ lệ đạt chỉ tiêu/,
    facts: 'Số liệu chính',
    leading: 'Dẫn đầu',
    atRisk: 'Chậm tiến độ',
    booked: 'Đã đặt lịch ở các buổi sắp tới',
    rate: 'mỗi ngày cần tiếp nhận',
    average: 'Từ đầu chiến dịch đến nay',
    riskCount: (count: number, total: number) => `${count}/${total} đơn vị`,
  },
  {
    locale: 'en',
    path: '/en/progress/',
    campaign: 'Chip-based ID card campaign, Thừa Thiên Huế province',
    ranking: 'Ranking of the districts',
    table: /^Districts ranked by share of their quota/,
    facts: 'Key figures',
    leading: 'Leading',
    atRisk: 'At risk',
    booked: 'Booked in upcoming sessions',
    rate: 'applications a day are needed',
    average: 'So far the average is',
    riskCount: (count: number, total: number) => `${count} of ${total} units`,
  },
] as const;

/** The unit names of the ranking table's body, top to bottom. */
function rankedNames(page: Page, table: RegExp) {
  return page.getByRole('table', { name: table }).locator('tbody th .name').allTextContents();
}

/** The ranking table's row of a unit, by the name its row header starts with. */
function unitRow(page: Page, table: RegExp, name: string) {
  return page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
}

/** A definition's value in the key figures. */
function fact(page: Page, facts: string, term: string) {
  return page.getByRole('region', { name: facts }).locator('div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd');
}

for (const p of pages) {
  const number = (value: number) => formatNumber(p.locale, value);

  test(`the progress page ${p.path} ranks the districts, with the leaders and those at risk at a glance`, async ({ page }) => {
    await page.goto(`${p.path}?campaign=${bacKan}`);
    const progress = await readProgress(bacKan);
    const ranking = page.getByRole('region', { name: p.ranking });
    await expect(ranking).toBeVisible();
    // The page's script has put the rows in the order of the figures it read.
    await expect(page.getByText(/^(Số liệu cập nhật|Figures as of) .*\d{1,2}:\d{2}/)).toBeVisible();
    expect(await rankedNames(page, p.table)).toEqual(progress.units.map((unit) => unit.name));
    const table = page.getByRole('table', { name: p.table });
    // A header row, one row per unit, and the province's total.
    await expect(table.getByRole('row')).toHaveCount(progress.units.length + 2);
    for (const unit of progress.units) {
      const row = unitRow(page, p.table, unit.name);
      await expect(row.getByRole('cell').first()).toHaveText(unit.rank === null ? '' : String(unit.rank));
      if (unit.percent !== null) await expect(row.getByRole('cell').nth(1)).toHaveText(formatPercent(p.locale, unit.percent));
      await expect(row.getByText(p.atRisk, { exact: true })).toBeVisible({ visible: unit.at_risk });
    }
    // At a glance: the first places and the units at risk, named.
    const glance = ranking.locator('dl').first();
    const leading = glance.locator('div').filter({ hasText: p.leading }).getByRole('listitem');
    await expect(leading).toHaveText(leaders(progress.units).map((unit) => new RegExp(`^${unit.name} ${formatPercent(p.locale, unit.percent!)}`)));
    const atRisk = unitsAtRisk(progress.units);
    await expect(glance.locator('div').filter({ hasText: p.atRisk }).getByRole('listitem')).toHaveText(atRisk.map((unit) => unit.name));
    await expect(glance).toContainText(`${p.atRisk}: ${p.riskCount(atRisk.length, rankedCount(progress.units))}`);
    await page.screenshot({ path: test.info().outputPath(`progress-${p.locale}-phone.png`), fullPage: true });
    // On a 390 px phone the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test(`the progress page ${p.path} shows the featured campaign's figures as the database counts them`, async ({ page }) => {
    await page.goto(p.path);
    const report = page.getByRole('article', { name: p.campaign });
    await expect(report.getByText(/^(Số liệu cập nhật|Figures as of) .*\d{1,2}:\d{2}/)).toBeVisible();
    const progress = await readProgress();
    await expect(fact(page, p.facts, p.locale === 'vi' ? 'Chỉ tiêu' : 'Quota')).toContainText(number(progress.quota));
    await expect(page.getByRole('region', { name: p.facts }).getByText(formatPercent(p.locale, progress.percent), { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: p.facts }).getByText(new RegExp(`^${progress.days_left} `))).toBeVisible();
    await expect(report.getByText(p.rate)).toContainText(number(progress.rate_needed!));
    await expect(report.getByText(p.average)).toContainText(number(progress.average_daily!));
    await expect(report.getByText('Chỉ thị 13/CT-UBND')).toBeVisible();
    // Only the featured campaign's report shows; the others are a link away.
    await expect(page.getByRole('heading', { level: 2, name: /Bắc Kạn/ })).toBeHidden();
    await expect(page.getByRole('link', { name: /Bắc Kạn/ })).toHaveAttribute('href', `?campaign=${bacKan}#campaign-${bacKan}`);
  });

  test(`the progress page ${p.path} passes axe on a phone and on a desktop`, async ({ page }) => {
    await page.goto(`${p.path}?campaign=${bacKan}`);
    await expect(page.getByRole('heading', { level: 2, name: /Bắc Kạn/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`progress-${p.locale}-desktop.png`), fullPage: true });
  });
}

// The 2025 Huế campaign of the seed: its figures are made up, its communes have English names.
const hue2026 = 'thanh-pho-hue-2026';
const demonstration = { vi: /^Số liệu minh hoạ\. Địa điểm, lịch và các con số của chiến dịch này là giả định/, en: /^Demonstration figures\. The places, sessions and figures of this campaign are made up/ } as const;

for (const p of pages) {
  test(`the progress page ${p.path} says a demonstration campaign's figures are made up and names its communes in the page's language`, async ({ page }) => {
    await page.goto(`${p.path}?campaign=${hue2026}`);
    const progress = await readProgress(hue2026);
    expect(progress.demonstration).toBe(true);
    const report = page.locator(`#campaign-${hue2026}`);
    await expect(report.getByText(demonstration[p.locale])).toBeVisible();
    await expect(report.getByText(/^(Số liệu cập nhật|Figures as of) .*\d{1,2}:\d{2}/)).toBeVisible();
    // English names on /en (every 2025 commune has one), the Vietnamese ones on /vi, each marked with its language.
    const names = report.locator('tbody th .name');
    expect(await names.allTextContents()).toEqual(progress.units.map((unit) => (p.locale === 'en' ? unit.name_en : unit.name)));
    for (const lang of await names.evaluateAll((spans) => spans.map((span) => span.getAttribute('lang')))) expect(lang).toBe(p.locale);
    // A campaign of real figures carries no such note.
    await page.goto(`${p.path}?campaign=${bacKan}`);
    await expect(page.locator(`#campaign-${bacKan}`).getByText(demonstration[p.locale])).toHaveCount(0);
  });

  test(`the progress page ${p.path} without a campaign in its address shows the one chosen last on the device`, async ({ page }) => {
    // The reader chose the 2025 Huế campaign on another page of the site.
    await page.goto(`/${p.locale}/home-visit/?campaign=${hue2026}`);
    await expect(page.locator('.campaign-current')).toBeVisible();
    await page.goto(p.path);
    const report = page.locator(`#campaign-${hue2026}`);
    await expect(report).toBeVisible();
    await expect(report.getByText(demonstration[p.locale])).toBeVisible();
    await expect(report.getByText(/^(Số liệu cập nhật|Figures as of) .*\d{1,2}:\d{2}/)).toBeVisible();
    await expect(page.getByRole('article', { name: p.campaign })).toBeHidden();
    // The featured campaign is a link away, the shown one is not listed.
    await expect(page.getByRole('link', { name: p.campaign })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A campaign the address names wins over the remembered one.
    await page.goto(`${p.path}?campaign=${bacKan}`);
    await expect(page.getByRole('heading', { level: 2, name: /Bắc Kạn/ })).toBeVisible();
    await expect(report).toBeHidden();
  });
}

test('places booked after the site was built show on the progress page when it opens', async ({ page }) => {
  // The site was built before anyone booked in Bắc Kạn: the built page says 0.
  const [shift] = await sql<{ id: string }>(
    `select s.id from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
     join public.campaigns c on c.id = sess.campaign_id
     where c.slug = $1 and sess.published and sess.cancelled_at is null
       and s.starts_at > now() + interval '1 day' and s.capacity - s.booked >= 3
     order by s.starts_at limit 1`,
    [bacKan],
  );
  await bookPlaces(Number(shift!.id), [person(), person(), person()]);
  const progress = await readProgress(bacKan);
  expect(progress.booked_upcoming).toBeGreaterThanOrEqual(3);
  await page.goto(`/vi/progress/?campaign=${bacKan}`);
  await expect(fact(page, 'Số liệu chính', 'Đã đặt lịch ở các buổi sắp tới')).toHaveText(`${formatNumber('vi', progress.booked_upcoming)} chỗ`);
  await page.goto(`/en/progress/?campaign=${bacKan}`);
  await expect(fact(page, 'Key figures', 'Booked in upcoming sessions')).toHaveText(`${formatNumber('en', progress.booked_upcoming)} places`);
});

test('a daily count recorded after the site was built moves the district up the ranking when the page opens', async ({ page }) => {
  // The district last in Bắc Kạn's ranking takes its whole quota today, as an officer would record it.
  const before = await readProgress(bacKan);
  const last = before.units.filter((unit) => unit.rank !== null).at(-1)!;
  await sql(
    `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
     select c.id, u.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, $3, 0
     from public.campaigns c, public.admin_units u
     where c.slug = $1 and u.unit_set = '2021' and u.code = $2
     on conflict (campaign_id, unit_id, day) do update set applications = public.daily_intake_counts.applications + $3`,
    [bacKan, last.code, last.quota],
  );
  const progress = await readProgress(bacKan);
  expect(progress.units[0]).toMatchObject({ code: last.code, rank: 1 });
  await page.goto(`/vi/progress/?campaign=${bacKan}`);
  const table = /^Xếp hạng các huyện theo tỷ lệ đạt chỉ tiêu/;
  await expect.poll(() => rankedNames(page, table)).toEqual(progress.units.map((unit) => unit.name));
  const row = unitRow(page, table, last.name);
  await expect(row.getByRole('cell').first()).toHaveText('1');
  await expect(row.getByRole('rowheader')).toContainText(`${formatNumber('vi', progress.units[0]!.intake)} / ${formatNumber('vi', last.quota!)} hồ sơ`);
  await expect(page.getByRole('region', { name: 'Xếp hạng thi đua giữa các huyện' }).getByRole('listitem').first()).toContainText(last.name);
  // The pace the province needs follows the new count too.
  await expect(page.getByRole('article', { name: /Bắc Kạn/ }).getByText('mỗi ngày cần tiếp nhận')).toContainText(formatNumber('vi', progress.rate_needed!));
});
