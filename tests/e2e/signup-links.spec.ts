// Schools, enterprises and agencies: the commune officer makes a sign-up link for a session at a
// school, a student joins from a phone, the coordinator sees the student and downloads the list;
// an organisation's request reaches the officers; the join page's preview and a paused link.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { consentTextInForce } from '../../src/domain/consent-texts.ts';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { person, phone } from '../support/people.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { fillPerson } from './support/booking-form.ts';
import { sql } from './support/db.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

const suffix = () => Math.random().toString(36).slice(2, 8);

/** An unpublished session at a new school site in Phú Hội, `inDays` ahead, with the campaign's three shifts. */
async function schoolSession(inDays = 6): Promise<number> {
  const [row] = await sql<{ id: string }>(
    `with site as (
       insert into public.intake_sites (ward_id, kind, name, address, lat, lng)
       select w.id, 'school', 'Trường THPT thử ' || $2, '12 Lê Lợi, Phú Hội', 16.46, 107.59
       from public.admin_units w where w.unit_set = '2021' and w.code = '19786' returning id),
     session as (
       insert into public.intake_sessions (campaign_id, site_id, session_date, published)
       select c.id, site.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date + $1::integer, false
       from site, public.campaigns c where c.slug = 'thua-thien-hue-2021' returning id, session_date)
     insert into public.shifts (session_id, starts_at, ends_at, capacity)
     select session.id, (session.session_date + t.s) at time zone 'Asia/Ho_Chi_Minh', (session.session_date + t.e) at time zone 'Asia/Ho_Chi_Minh', 40
     from session, (values (time '07:00', time '12:00'), (time '12:00', time '17:00')) as t (s, e)
     returning session_id as id`,
    [inDays, suffix()],
  );
  return Number(row!.id);
}

test('staff make a link for a school session, a student joins from a phone, and the coordinator sees the student and downloads the list', async ({ page, browser }) => {
  const sessionId = await schoolSession();
  const org = `Trường THPT Hai Bà Trưng ${suffix()}`;
  await signInAsCommuneOfficer(page);
  await page.getByRole('link', { name: 'Đơn vị: đề nghị và liên kết đăng ký' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tạo liên kết đăng ký' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Buổi tiếp nhận').selectOption(String(sessionId));
  await page.getByLabel('Tên đơn vị').fill(org);
  await page.getByRole('group', { name: 'Loại đơn vị' }).getByLabel('Trường học').check();
  await page.getByLabel('Số chỗ dành cho đơn vị').fill('30');
  // The coordinator's mobile goes only with their agreement, ticked from the keyboard.
  const coordinatorPhone = phone();
  await page.getByLabel('Số di động của người phụ trách (không bắt buộc)').fill(coordinatorPhone);
  await page.getByRole('button', { name: 'Tạo liên kết' }).click();
  await expect(page.getByRole('link', { name: 'Đánh dấu người phụ trách đã đồng ý nhận tin nhắn, hoặc để trống số điện thoại' })).toBeVisible();
  await page.getByLabel('Số di động của người phụ trách (không bắt buộc)').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Người phụ trách đã đồng ý nhận các tin nhắn này')).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Tạo liên kết' }).click();

  const created = page.getByRole('region', { name: `Đã tạo liên kết cho ${org}` });
  await expect(created).toBeVisible();
  const shareUrl = await created.getByLabel('Liên kết đăng ký (gửi cho học sinh, cán bộ)').inputValue();
  const coordinatorUrl = await created.getByLabel('Liên kết riêng của người phụ trách (danh sách người đã đăng ký)').inputValue();
  expect(shareUrl).toMatch(/\/vi\/join\/\?t=[A-Za-z0-9_-]{22}$/);
  expect(coordinatorUrl).toMatch(/\/vi\/join\/coordinator\/#t=[A-Za-z0-9_-]{22}$/);
  // Messages about the session go to the coordinator in the language of the officer's page.
  expect(await sql('select contact_phone, messages_lang from public.signup_links where org_name = $1', [org])).toEqual([
    { contact_phone: coordinatorPhone, messages_lang: 'vi' },
  ]);
  // Each link's copy button names its own link.
  await expect(created.getByRole('button', { name: 'Sao chép liên kết đăng ký' })).toHaveCount(1);
  await expect(created.getByRole('button', { name: 'Sao chép liên kết người phụ trách' })).toHaveCount(1);
  // The two links say who each is for, and look unlike each other: the private one warns what it opens.
  const publicBox = created.locator('.link-box').filter({ hasText: 'Công khai: gửi cho mọi người' });
  const privateBox = created.locator('.link-box').filter({ hasText: 'Riêng tư: chỉ người phụ trách' });
  await expect(publicBox.getByLabel('Liên kết đăng ký (gửi cho học sinh, cán bộ)')).toHaveAccessibleDescription(`Gửi cho mọi người ở ${org} cần đăng ký: trong nhóm chat, qua email, trên áp phích.`);
  await expect(privateBox.getByLabel('Liên kết riêng của người phụ trách')).toHaveAccessibleDescription(`Chỉ gửi cho người phụ trách của ${org}, bằng tin nhắn riêng.`);
  await expect(privateBox).toContainText(`Không gửi cho học sinh, cán bộ của ${org}, không đăng vào nhóm chat hay lên áp phích: ai mở liên kết này đều xem được danh sách người đã đăng ký kèm ngày sinh và xóa được họ.`);
  await expect(publicBox).not.toContainText('Không gửi cho học sinh');
  expect(await publicBox.evaluate((box) => getComputedStyle(box).borderTopStyle)).toBe('solid');
  expect(await privateBox.evaluate((box) => getComputedStyle(box).borderTopStyle)).toBe('dashed');
  await expect(page.getByRole('heading', { level: 3, name: org })).toBeVisible();
  await expect(created).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // Pausing and resuming re-render the page; focus stays with the officer, not the new links.
  const linkCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: org }) });
  await linkCard.getByRole('button', { name: 'Tạm dừng' }).click();
  await linkCard.getByRole('button', { name: 'Mở lại' }).click();
  await expect(linkCard.getByRole('button', { name: 'Tạm dừng' })).toBeVisible();
  await expect(created).not.toBeFocused();
  await expect(linkCard).toContainText('0/30 chỗ đã đăng ký, còn 30 chỗ');
  // The card keeps the public link only: the private one is never shown again.
  await expect(linkCard.getByText('Công khai: gửi cho mọi người')).toBeVisible();
  await expect(linkCard.getByText('Riêng tư: chỉ người phụ trách')).toHaveCount(0);

  // The A4 poster: the organisation and a QR code to the same share address.
  await expect(linkCard.getByRole('link', { name: 'Áp phích (tiếng Anh)' })).toHaveAttribute('href', /^\/en\/staff\/links\/poster\/\?link=\d+$/);
  await linkCard.getByRole('link', { name: 'Áp phích (tiếng Việt)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Làm căn cước ngay tại đơn vị' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Ngôn ngữ' }).getByRole('link', { name: 'English' })).toHaveAttribute('href', /^\/en\/staff\/links\/poster\/\?link=\d+$/);
  await expect(page.getByRole('img', { name: `Mã QR đăng ký của ${org}` }).locator('svg')).toBeVisible();
  await expect(page.getByText(shareUrl, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The student, on their own phone (the 390×844 viewport of every test).
  const phoneContext = await browser.newContext();
  const student = await phoneContext.newPage();
  await student.goto(shareUrl);
  await expect(student.getByRole('heading', { name: `Buổi tiếp nhận tại ${org}` })).toBeVisible();
  await expect(student.getByText('Còn 30 chỗ dành cho đơn vị')).toBeVisible();
  await expectNoSeriousA11yViolations(student);

  const sixteen = `${Number(todayInVietnam().slice(0, 4)) - 16}-03-15`;
  const someone = person({ birth_date: sixteen });
  await student.getByRole('group', { name: 'Chọn ca' }).getByRole('radio').first().check();
  await fillPerson(student, 'vi', 0, someone, 'Thông tin của bạn');
  await student.getByLabel('Lớp').fill('11B2');
  await student.getByLabel('Số điện thoại của cha, mẹ hoặc người giám hộ').fill(phone());
  await student.getByLabel(/Tôi đồng ý/).check();
  await student.getByRole('button', { name: 'Đăng ký' }).click();
  // Under 18: the guardian's consent is asked for, in the summary and at the box.
  await expect(student.getByRole('link', { name: /Em chưa đủ 18 tuổi/ })).toBeVisible();
  await expectNoSeriousA11yViolations(student);
  await student.getByLabel(/Cha, mẹ hoặc người giám hộ của em đồng ý/).check();
  await student.getByRole('button', { name: 'Đăng ký' }).click();
  // The answer starts at its heading, where the focus goes (not back to the top of the page).
  await expect(student.getByRole('heading', { name: 'Bạn đã đăng ký' })).toBeFocused();
  await expect(student.locator('.ticket-code').first()).toBeVisible();
  await expectNoSeriousA11yViolations(student);
  await phoneContext.close();

  // The coordinator, with the private link.
  const coordinatorContext = await browser.newContext({ acceptDownloads: true });
  const coordinator = await coordinatorContext.newPage();
  await coordinator.goto(coordinatorUrl);
  const row = coordinator.getByRole('row', { name: new RegExp(someone.full_name) });
  await expect(row).toContainText('11B2');
  await expect(row).toContainText('Đã đăng ký');
  await expect(coordinator.getByRole('definition').first()).toHaveText('1');
  await expectNoSeriousA11yViolations(coordinator);

  await coordinator.getByLabel('Tìm theo tên hoặc lớp, phòng ban').fill('11b');
  await expect(row).toBeVisible();
  const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Tải danh sách (CSV)' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(someone.full_name);
  expect(csv).toContain('11B2');
  expect(csv).toContain(sixteen);

  // The print view leaves the controls out.
  await coordinator.emulateMedia({ media: 'print' });
  await expect(coordinator.getByRole('button', { name: 'In danh sách' })).toBeHidden();
  await expect(row).toBeVisible();
  await coordinatorContext.close();
});

/** The organisation request form filled in for a company in Phú Hội (Thừa Thiên Huế, 2021 units), consent ticked. */
async function fillOrganisationRequest(page: Page, name: string) {
  await page.getByLabel('Doanh nghiệp').check();
  await page.getByLabel('Tên đơn vị').fill(name);
  // The campaign's province comes chosen.
  await expect(page.getByLabel('Tỉnh, thành phố')).toHaveValue('46');
  await page.getByLabel('Quận, huyện').selectOption('474');
  await page.getByLabel('Xã, phường, thị trấn').selectOption('19786');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('5 Hùng Vương');
  await page.getByLabel('Số người dự kiến làm căn cước').fill('120');
  await page.getByLabel('Từ ngày').fill(addDays(todayInVietnam(), 10));
  await page.getByLabel('Đến ngày').fill(addDays(todayInVietnam(), 20));
  await page.getByLabel('Họ và tên người liên hệ').fill('Trần Thị Lan');
  await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
  await page.getByLabel('Tôi đồng ý cho sử dụng thông tin liên hệ trên để sắp xếp buổi tiếp nhận').check();
}

test('an organisation asks for a session on the organisations page and the ward officer sees the request', async ({ page }) => {
  const name = `Công ty May Huế ${suffix()}`;
  // The page acts for the campaign its address names: its pickers offer Bắc Kạn's units only.
  await page.goto('/vi/organisations/?campaign=bac-kan-2021');
  await expect(page.getByLabel('Tỉnh, thành phố')).toHaveValue('06');
  await expect(page.getByLabel('Tỉnh, thành phố').locator('option', { hasText: 'Tỉnh Thừa Thiên Huế' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Trường học, doanh nghiệp, cơ quan' })).toBeVisible();
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('link', { name: 'Chọn loại đơn vị' })).toBeVisible();
  // The summary lists the problems in the order of the fields on the page (the dates before the contact).
  const summaryTargets = await page.locator('.error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(summaryTargets).toEqual(['#kind', '#name', '#schedules-district', '#address', '#expected_people', '#preferred_from', '#preferred_to', '#contact_name', '#contact_phone', '#consent']);
  await expectNoSeriousA11yViolations(page);
  // The consent text is the one of the law in force today, which it names.
  await expect(page.getByText(`Căn cứ: ${consentTextInForce(todayInVietnam())!.source.vi}.`)).toBeVisible();

  // The Thừa Thiên Huế campaign's request reaches Phú Hội's officers.
  await page.goto('/vi/organisations/?campaign=thua-thien-hue-2021');
  await fillOrganisationRequest(page, name);
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi đề nghị' })).toBeFocused();
  expect(await sql('select c.slug, r.consent_text_id from public.organisation_requests r join public.campaigns c on c.id = r.campaign_id where r.name = $1', [name]))
    .toEqual([{ slug: 'thua-thien-hue-2021', consent_text_id: consentTextInForce(todayInVietnam())!.id }]);

  await signInAsCommuneOfficer(page);
  await page.goto('/vi/staff/links/');
  const request = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
  await expect(request).toContainText('120 người dự kiến');
  await expect(request).toContainText('Trần Thị Lan, 0912345678');
  await request.getByRole('button', { name: `Đánh dấu đã xử lý: ${name}` }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toHaveCount(0);
});

test('the join page previews the same in chat apps for every link, and a paused link says so', async ({ page, request }) => {
  const html = await (await request.get('/en/join/')).text();
  expect(html).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/og\/join-en\.png"/);
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
  expect(html).toContain('<meta property="og:title" content="Sign up for your ID card with your school or workplace"');
  const image = await request.get('/og/join-en.png');
  expect(image.headers()['content-type']).toContain('image/png');

  const sessionId = await schoolSession(8);
  const token = `paused${suffix()}${suffix()}${suffix()}`.padEnd(22, 'x');
  await sql(
    `insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, status, share_token, coordinator_token_hash, created_by)
     select $1, 'Sở Tư pháp', 'agency', 20, now() + interval '3 days', 'paused', $2, sha256(convert_to($2 || 'c', 'utf8')), id
     from auth.users where email = 'phuhoi.hue@cccd.local'`,
    [sessionId, token],
  );
  await page.goto(`/en/join/?t=${token}`);
  await expect(page.getByRole('heading', { name: 'Intake session at Sở Tư pháp' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This link is not taking sign-ups now' })).toBeVisible();
  await expect(page.getByText('Sign-ups through this link are paused for now.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign up' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/en/join/?t=unknownunknownunknown00');
  await expect(page.getByText('This sign-up link does not work.', { exact: false })).toBeVisible();
  await page.goto('/en/join/coordinator/#t=unknownunknownunknown00');
  await expect(page.getByText('This coordinator link is incomplete.', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a sign-up link that leads to no link says it was not found, in Vietnamese and in English', async ({ page }) => {
  const pages = [
    { lang: 'vi', heading: 'Không tìm thấy liên kết đăng ký', unknown: 'Liên kết đăng ký này không dùng được.', cut: 'Liên kết đăng ký không đầy đủ.', schedules: 'Tìm buổi tiếp nhận công khai' },
    { lang: 'en', heading: 'Sign-up link not found', unknown: 'This sign-up link does not work.', cut: 'This sign-up link is incomplete.', schedules: 'Find a public session' },
  ];
  for (const { lang, heading, unknown, cut, schedules } of pages) {
    // A token of a real link's form that no link has, then one cut short (as a chat app may cut it).
    for (const [token, text] of [[`unknown${suffix()}${suffix()}`.padEnd(22, '0'), unknown], [suffix(), cut]] as const) {
      await page.goto(`/${lang}/join/?t=${token}`);
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expect(page.getByText(text, { exact: false })).toBeVisible();
      await expect(page.getByRole('link', { name: schedules })).toHaveAttribute('href', `/${lang}/schedules/`);
      await expect(page.getByRole('button', { name: lang === 'vi' ? 'Đăng ký' : 'Sign up' })).toHaveCount(0);
    }
    await expectNoSeriousA11yViolations(page);
  }
});

test('switching language on a join page keeps the token, and an employee signs up on the English join page', async ({ page }) => {
  const sessionId = await schoolSession(9);
  const org = `Công ty Dệt Phú Hội ${suffix()}`;
  const token = `open${suffix()}${suffix()}${suffix()}`.padEnd(22, 'x');
  await sql(
    `insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, share_token, coordinator_token_hash, created_by)
     select $1, $3, 'enterprise', 25, now() + interval '3 days', $2, sha256(convert_to($2 || 'c', 'utf8')), id
     from auth.users where email = 'phuhoi.hue@cccd.local'`,
    [sessionId, token, org],
  );
  await page.goto(`/vi/join/?t=${token}`);
  await expect(page.getByRole('heading', { name: `Buổi tiếp nhận tại ${org}` })).toBeVisible();
  await page.getByRole('navigation', { name: 'Ngôn ngữ' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/join/\\?t=${token}$`));
  await expect(page.getByRole('heading', { name: `Intake session at ${org}` })).toBeVisible();
  // The organisation's name is written in Vietnamese, and marked so on the English page.
  await expect(page.getByRole('heading', { name: `Intake session at ${org}` }).locator('span[lang="vi"]')).toHaveText(org);
  await expect(page.getByText('25 places left for your organisation')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const someone = person({ birth_date: '1990-06-12' });
  await page.getByRole('group', { name: 'Choose a shift' }).getByRole('radio').first().check();
  await fillPerson(page, 'en', 0, someone, 'About you');
  await page.getByLabel('Department or team').fill('Sewing workshop 2');
  const employeePhone = phone();
  await page.getByLabel('Your mobile phone number').fill(employeePhone);
  // Messages on the English page are written in English.
  await page.getByLabel(/^Send me messages about this/).check();
  await page.getByLabel(/I agree to these details/).check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'You are signed up' })).toBeFocused();
  expect(await sql('select event, lang, email from public.outbox_messages where phone = $1 order by id', [employeePhone]))
    .toEqual([{ event: 'booking_confirmed', lang: 'en', email: null }, { event: 'booking_reminder', lang: 'en', email: null }]);
  await expect(page.getByRole('link', { name: 'See or cancel the sign-up' })).toBeVisible();
  await expect(page.getByText('Need another shift? Cancel this sign-up', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The booking page says what moving to a public shift does to the organisation's list.
  await page.getByRole('link', { name: 'See or cancel the sign-up' }).click();
  await page.getByRole('button', { name: 'Move to another shift' }).click();
  await expect(page.getByText(`You signed up through the link of ${org}.`, { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The coordinator's token is in the fragment: it survives the switch too.
  await page.goto(`/en/join/coordinator/#t=${token}c`);
  await expect(page.getByRole('row', { name: new RegExp(someone.full_name) })).toContainText('Signed up');
  await expect(page.getByRole('table')).toHaveAccessibleName('The list (1 person)');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page).toHaveURL(new RegExp(`/vi/join/coordinator/#t=${token}c$`));
  await expect(page.getByRole('row', { name: new RegExp(someone.full_name) })).toContainText('Đã đăng ký');
});
