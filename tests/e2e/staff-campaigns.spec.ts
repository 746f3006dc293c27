// Setting a campaign up in the console: the province administrator of Thừa Thiên Huế (2021 units)
// creates a campaign by keyboard, imports its district quotas from a CSV file with bad lines and
// reads the report, then corrects a quota in the table; the administrator of Thành phố Huế (2025
// units) does the same with communes, then imports a file carrying the basic survey's people still
// to take in and types one in the table, and gets their own shift plan when creating a session. The
// campaigns made here start far ahead, so no other page finds them open today.
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { sql } from './support/db.ts';
import { signInAsOfficer } from './support/staff.ts';

const start = addDays(todayInVietnam(), 400);
const deadline = addDays(start, 45);

async function childCodes(code: string, unitSet: string): Promise<string[]> {
  const rows = await sql<{ code: string }>(
    'select c.code from public.admin_units c join public.admin_units p on p.id = c.parent_id where p.code = $1 and p.unit_set = $2 order by c.code',
    [code, unitSet],
  );
  return rows.map((r) => r.code);
}

/** Types into the focused field, then moves on with Tab, as someone on a keyboard does. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function importCsv(page: Page, label: string, button: string, csv: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name: 'quotas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: button }).click();
}

test('the province administrator of Thừa Thiên Huế creates a campaign, imports district quotas with bad lines, reads the report and corrects a quota', async ({ page }) => {
  const slug = `test-hue-${randomBytes(4).toString('hex')}`;
  const [d1, d2, d3] = await childCodes('46', '2021');
  // The scripts the page loads: the CSV reader must come only with the first import.
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  const csvReader = () => scripts.filter((name) => /unit-quotas-csv/.test(name));
  await signInAsOfficer(page, 'tinh.hue@cccd.local');
  await page.getByRole('link', { name: 'Chiến dịch và chỉ tiêu' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Chiến dịch của Tỉnh Thừa Thiên Huế' })).toBeVisible();
  await expect(page.getByText('Trên đơn vị hành chính năm 2021 (tỉnh, huyện, xã).')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // By keyboard: the button, then each field in order, then Enter to send.
  await page.getByRole('button', { name: 'Tạo chiến dịch mới' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Chiến dịch mới' })).toBeVisible();
  await page.getByLabel('Tên ngắn trong đường dẫn').focus();
  await typeAndTab(page, slug);
  await typeAndTab(page, 'Chiến dịch cấp căn cước Thừa Thiên Huế thử');
  await typeAndTab(page, 'Test ID card campaign, Thừa Thiên Huế');
  await typeAndTab(page, '40000');
  await typeAndTab(page, '900');
  await page.getByLabel('Ngày bắt đầu').fill(start);
  await page.getByLabel('Hạn hoàn thành').fill(deadline);
  await page.getByLabel('Căn cứ (chỉ thị, kế hoạch)').focus();
  await page.keyboard.type('Kế hoạch thử của Công an tỉnh');
  await expect(page.getByText('Tuổi tối thiểu lấy theo luật có hiệu lực vào ngày bắt đầu (không nhập tay).')).toBeVisible();
  // The seeds' three shifts are the plan a new campaign starts from.
  await expect(page.getByLabel('Bắt đầu', { exact: true })).toHaveCount(3);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: `Đã lưu chiến dịch ${slug}.` })).toBeVisible();
  await expect(page.getByText('Tuổi tối thiểu: 14, theo luật có hiệu lực vào ngày bắt đầu (không nhập tay).')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu từng đơn vị' })).toBeVisible();

  const csv = ['mã,tên,chỉ tiêu', `${d1},Thành phố Huế,20000`, `${d2},,8000`, '99999,Không có,100', '19786,Phường Phú Hội,100', `${d1},trùng,300`, `${d3},,-5`, ''].join('\n');
  expect(csvReader()).toEqual([]);
  await importCsv(page, 'Tệp CSV', 'Nhập tệp', csv);
  const report = page.locator('.staff-report');
  await expect(report.getByText('Đã lưu 2 dòng.')).toBeVisible();
  await expect(report.getByRole('table', { name: '4 dòng bị từ chối, chưa được lưu:' })).toBeVisible();
  const reasons = await report.getByRole('row').allInnerTexts();
  expect(reasons.slice(1).map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
    ['4', '99999', 'không có đơn vị nào mang mã này'],
    ['5', '19786', 'chỉ tiêu giao cho cấp huyện; mã này không phải của huyện'],
    ['6', d1, 'trùng với dòng 2'],
    ['7', d3, 'chỉ tiêu hoặc số người là số âm'],
  ]);
  await expect(page.getByText('Tổng chỉ tiêu các đơn vị: 28.000 / 40.000')).toBeVisible();
  expect(csvReader()).toHaveLength(1);
  await expectNoSeriousA11yViolations(page);

  // The quota typed in the table, saved with Enter.
  const box = page.getByRole('row').filter({ hasText: d1! }).getByRole('textbox', { name: /^Chỉ tiêu của/ });
  await expect(box).toHaveValue('20000');
  await box.fill('21000');
  await box.press('Enter');
  await expect(report.getByText('Đã lưu 1 dòng.')).toBeVisible();
  await expect(page.getByText('Tổng chỉ tiêu các đơn vị: 29.000 / 40.000')).toBeVisible();
  const rows = await sql<{ code: string; quota: number }>(
    'select u.code, q.quota from public.unit_quotas q join public.admin_units u on u.id = q.unit_id join public.campaigns c on c.id = q.campaign_id where c.slug = $1 order by u.code',
    [slug],
  );
  expect(rows).toEqual([
    { code: d1, quota: 21000 },
    { code: d2, quota: 8000 },
  ]);
  await page.screenshot({ path: test.info().outputPath('campaign-2021-vi.png'), fullPage: true });
});

test('the administrator of Thành phố Huế (2025 units) creates a campaign with its own shift plan, imports commune quotas and survey figures, and a new session starts from that plan', async ({ page }) => {
  const slug = `test-tp-hue-${randomBytes(4).toString('hex')}`;
  const [c1, c2, c3, c4, c5] = await childCodes('46', '2025');
  await signInAsOfficer(page, 'tp.hue.2025@cccd.local', { locale: 'en' });
  await page.getByRole('link', { name: 'Campaigns and quotas' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Campaigns of Hue City' })).toBeVisible();
  await page.getByRole('button', { name: 'Create a new campaign' }).click();
  await page.getByLabel('Short name in links').fill(slug);
  await page.getByLabel('Name in Vietnamese').fill('Chiến dịch thành phố Huế thử');
  await page.getByLabel('Name in English').fill('Test campaign, Huế City');
  await page.getByLabel('Quota (applications)').fill('20000');
  await page.getByLabel('First day').fill(start);
  await page.getByLabel('Deadline').fill(deadline);
  await page.getByLabel('Source (directive, plan)').fill('Kế hoạch thử');
  // Two shifts: the third is removed and the first starts later.
  await page.getByRole('button', { name: 'Remove shift 3' }).click();
  await page.getByLabel('Start', { exact: true }).first().fill('08:00');
  await page.getByRole('button', { name: 'Save campaign' }).click();
  await expect(page.getByText(`Campaign ${slug} saved.`)).toBeVisible();

  await importCsv(page, 'CSV file', 'Import the file', `code,quota\n${c1},5000\n${c2},0\n474,100\n`);
  const report = page.locator('.staff-report');
  await expect(report.getByText('1 line saved.')).toBeVisible();
  await expect(report.getByRole('row', { name: /a quota of 0/ })).toBeVisible();
  await expect(report.getByRole('row', { name: /another set of administrative units/ })).toBeVisible();

  // A file with the basic survey's column: a figure for a saved quota, an empty one (not known),
  // and two the database refuses.
  await importCsv(page, 'CSV file', 'Import the file', `code,quota,people\n${c1},5000,6200\n${c3},3000,\n${c4},2000,-40\n${c5},1000,1.500\n`);
  await expect(report.getByText('2 lines saved.')).toBeVisible();
  await expect(report.getByRole('row', { name: new RegExp(`^4 ${c4} a negative quota or number of people$`) })).toBeVisible();
  await expect(report.getByRole('row', { name: new RegExp(`^5 ${c5} the quota or the number of people is not a whole number`) })).toBeVisible();
  const survey = page.getByRole('row').filter({ hasText: c1! }).getByRole('textbox', { name: /^People still to take in at/ });
  await expect(survey).toHaveValue('6200');
  // Typed in the table, saved with Enter.
  const typed = page.getByRole('row').filter({ hasText: c3! }).getByRole('textbox', { name: /^People still to take in at/ });
  await expect(typed).toHaveValue('');
  await typed.fill('2800');
  await typed.press('Enter');
  await expect(report.getByText('1 line saved.')).toBeVisible();
  const quotas = await sql<{ code: string; quota: number; people: number | null }>(
    'select u.code, q.quota, q.people_to_take_in as people from public.unit_quotas q join public.admin_units u on u.id = q.unit_id join public.campaigns c on c.id = q.campaign_id where c.slug = $1 order by u.code',
    [slug],
  );
  expect(quotas).toEqual([
    { code: c1, quota: 5000, people: 6200 },
    { code: c3, quota: 3000, people: 2800 },
  ]);
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('campaign-2025-en-wide.png'), fullPage: true });

  // A session of a day in the campaign starts from its plan.
  await page.goto('/en/staff/sessions/');
  await page.getByRole('button', { name: 'Create a session' }).click();
  await page.getByLabel('Date of the session', { exact: true }).fill(addDays(start, 2));
  await expect(page.getByText('Campaign: Test campaign, Huế City')).toBeVisible();
  await expect(page.getByLabel('Starts', { exact: true })).toHaveCount(2);
  await expect(page.getByLabel('Starts', { exact: true }).first()).toHaveValue('08:00');
  await expect(page.getByLabel('Ends', { exact: true }).last()).toHaveValue('17:00');
});

test('a commune officer is told the page is for province administrators', async ({ page }) => {
  await signInAsOfficer(page, 'phuhoi.hue@cccd.local');
  await expect(page.getByRole('link', { name: 'Chiến dịch và chỉ tiêu' })).toHaveCount(0);
  await page.goto('/vi/staff/campaigns/');
  await expect(page.getByText('Chỉ quản trị cấp tỉnh mới tạo và sửa được chiến dịch.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
