// The campaigns as the citizen pages offer them: each with its unit set and the province as it is
// today, so the chooser can group a 2021 campaign under the 2025 province formed from its own.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { answer, answerSchemas } from './support/answers.ts';
import { anonFrom, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.13.5');

/** A campaign of this file in a province of a set, open today. */
async function campaignIn(unitSet: '2021' | '2025', provinceCode: string, demonstration = false): Promise<string> {
  const slug = `test-directory-${randomBytes(5).toString('hex')}`;
  await sql(
    `insert into public.campaigns (slug, province_id, unit_set, demonstration, name_vi, name_en, quota, starts_on, deadline, source)
     select $1, id, $2, $4, 'Chiến dịch thử', 'Test campaign', 1000,
            (now() at time zone 'Asia/Ho_Chi_Minh')::date - 1, (now() at time zone 'Asia/Ho_Chi_Minh')::date + 30, 'test fixture'
     from public.admin_units where unit_set = $2 and level = 1 and code = $3`,
    [slug, unitSet, provinceCode, demonstration],
  );
  return slug;
}

async function directory(slug?: string) {
  return answer(answerSchemas.campaign_directory, await citizen.rpc('campaign_directory', slug ? { p_slug: slug } : {}));
}

let bacKan: string;
let hue2025: string;

beforeAll(async () => {
  bacKan = await campaignIn('2021', '06');
  hue2025 = await campaignIn('2025', '46', true);
});

describe('the campaign directory', () => {
  test('names a 2021 campaign’s province and the 2025 province it is part of today', async () => {
    const { campaigns } = await directory(bacKan);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      slug: bacKan,
      unit_set: '2021',
      demonstration: false,
      province: { code: '06', name: 'Tỉnh Bắc Kạn', name_en: null },
      today_province: { code: '19', name: 'Tỉnh Thái Nguyên', name_en: 'Thai Nguyen Province' },
    });
  });

  test('gives a 2025 campaign its own province as today’s, with its English name, and its demonstration mark', async () => {
    const [campaign] = (await directory(hue2025)).campaigns;
    expect(campaign).toMatchObject({ unit_set: '2025', demonstration: true, province: { code: '46', name: 'Thành phố Huế', name_en: 'Hue City' } });
    expect(campaign!.today_province).toEqual(campaign!.province);
  });

  test('lists every campaign without a slug, and none for a slug nobody has', async () => {
    const slugs = (await directory()).campaigns.map((campaign) => campaign.slug);
    expect(slugs).toEqual(expect.arrayContaining([bacKan, hue2025]));
    expect((await directory('no-such-campaign')).campaigns).toEqual([]);
  });
});
