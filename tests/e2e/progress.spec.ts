import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { formatPercent, parseCampaignProgress, type CampaignProgress } from '../../src/domain/progress.ts';
import { formatNumber } from '../../src/lib/format.ts';

// The figures the page must show, read from the same database the page reads when it opens.
async function readProgress(): Promise<CampaignProgress> {
  const [row] = await sql<{ progress: unknown }>("select public.campaign_progress('thua-thien-hue-2021') as progress");
  return parseCampaignProgress(row!.progress);
}

const pages = [
  { locale: 'vi', path: '/vi/progress/', table: /Hồ sơ đã tiếp nhận theo huyện/, rate: 'mỗi ngày cần tiếp nhận', average: 'bình quân mỗi ngày' },
  { locale: 'en', path: '/en/progress/', table: /Applications taken by district/, rate: 'applications a day are needed', average: 'So far the average is' },
] as const;

for (const { locale, path, table, rate, average } of pages) {
  test(`the progress page ${path} shows the campaign's figures as the database counts them`, async ({ page }) => {
    const progress = await readProgress();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const number = (value: number) => formatNumber(locale, value);
    const facts = page.getByRole('region', { name: locale === 'vi' ? 'Số liệu chính' : 'Key figures' });
    await expect(facts.getByText(number(progress.quota), { exact: false }).first()).toBeVisible();
    await expect(facts.getByText(number(progress.intake), { exact: false }).first()).toBeVisible();
    await expect(facts.getByText(formatPercent(locale, progress.percent), { exact: true })).toBeVisible();
    await expect(facts.getByText(new RegExp(`^${progress.days_left} `))).toBeVisible();
    await expect(page.getByText(rate)).toContainText(number(progress.rate_needed!));
    await expect(page.getByText(average)).toContainText(number(progress.average_daily!));
    await expect(page.getByText('Chỉ thị 13/CT-UBND')).toBeVisible();
  });

  test(`the progress page ${path} has a table and a chart of every district`, async ({ page }) => {
    const progress = await readProgress();
    await page.goto(path);
    const districts = page.getByRole('table', { name: table });
    await expect(districts).toBeVisible();
    // A header row, one row per unit, and the province's total.
    await expect(districts.getByRole('row')).toHaveCount(progress.units.length + 2);
    for (const unit of progress.units) {
      const row = districts.getByRole('row', { name: new RegExp(`^${unit.name} `) });
      await expect(row.getByRole('cell').nth(1)).toHaveText(formatNumber(locale, unit.intake));
    }
    const chart = page.getByRole('img', { name: locale === 'vi' ? /Tỷ lệ đạt chỉ tiêu của từng huyện/ : /Share of its quota/ });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
    await expect(chart.locator('rect.bar')).toHaveCount(progress.units.filter((unit) => unit.percent !== null).length);
  });

  test(`the progress page ${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}

test('a daily count recorded after the site was built shows on the progress page when it opens', async ({ page }) => {
  // Huyện Nam Đông (483), today: what an officer records through the staff console.
  await sql(
    `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
     select c.id, u.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, 4321, 100
     from public.campaigns c, public.admin_units u
     where c.slug = 'thua-thien-hue-2021' and u.unit_set = '2021' and u.code = '483'
     on conflict (campaign_id, unit_id, day) do update set applications = public.daily_intake_counts.applications + 4321`,
  );
  const progress = await readProgress();
  const namDong = progress.units.find((unit) => unit.code === '483')!;
  await page.goto('/vi/progress/');
  const row = page.getByRole('table', { name: /Hồ sơ đã tiếp nhận theo huyện/ }).getByRole('row', { name: new RegExp(`^${namDong.name} `) });
  await expect(row.getByRole('cell').nth(1)).toHaveText(formatNumber('vi', namDong.intake));
  await expect(page.getByText(/^Số liệu cập nhật lúc \d{2}:\d{2} /)).toBeVisible();
});
