import { describe, expect, it } from 'vitest';
import { chooseCampaign, groupByTodayProvince, isOpenOn, type DirectoryCampaign } from '../../src/domain/campaign-directory.ts';
import { unitName } from '../../src/domain/unit-name.ts';

const hue2025 = { code: '46', name: 'Thành phố Huế', name_en: 'Hue City' };
const thaiNguyen = { code: '19', name: 'Tỉnh Thái Nguyên', name_en: 'Thai Nguyen Province' };

function campaign(overrides: Partial<DirectoryCampaign> & Pick<DirectoryCampaign, 'slug'>): DirectoryCampaign {
  return {
    name_vi: `Chiến dịch ${overrides.slug}`,
    name_en: `Campaign ${overrides.slug}`,
    starts_on: '2026-11-01',
    deadline: '2027-01-31',
    unit_set: '2021',
    demonstration: false,
    province: { code: '46', name: 'Tỉnh Thừa Thiên Huế', name_en: null },
    today_province: hue2025,
    ...overrides,
  };
}

const hue2021 = campaign({ slug: 'thua-thien-hue-2021', name_vi: 'Chiến dịch tỉnh Thừa Thiên Huế' });
const hue2026 = campaign({ slug: 'thanh-pho-hue-2026', name_vi: 'Chiến dịch thành phố Huế', unit_set: '2025', demonstration: true, province: hue2025 });
const bacKan = campaign({ slug: 'bac-kan-2021', province: { code: '06', name: 'Tỉnh Bắc Kạn', name_en: null }, today_province: thaiNguyen });
const over = campaign({ slug: 'ended-2021', deadline: '2026-11-30', province: { code: '06', name: 'Tỉnh Bắc Kạn', name_en: null }, today_province: thaiNguyen });
const later = campaign({ slug: 'later-2027', starts_on: '2027-02-01', deadline: '2027-05-31' });
const today = '2026-12-05';

describe('the campaign directory', () => {
  it('is open from its first day to its deadline, both included', () => {
    expect(isOpenOn(hue2021, '2026-11-01')).toBe(true);
    expect(isOpenOn(hue2021, '2027-01-31')).toBe(true);
    expect(isOpenOn(hue2021, '2026-10-31')).toBe(false);
    expect(isOpenOn(hue2021, '2027-02-01')).toBe(false);
  });

  it('groups campaigns under the province as named today, a 2021 campaign under the province formed from its own', () => {
    const groups = groupByTodayProvince([bacKan, hue2026, over, hue2021, later], today, 'vi');
    expect(groups.map((group) => [group.province.name, group.campaigns.map((c) => c.slug)])).toEqual([
      ['Thành phố Huế', ['later-2027', 'thanh-pho-hue-2026', 'thua-thien-hue-2021']],
      ['Tỉnh Thái Nguyên', ['bac-kan-2021']],
    ]);
  });

  it('orders groups by the names the reader reads', () => {
    const groups = groupByTodayProvince([bacKan, hue2021], today, 'en');
    expect(groups.map((group) => unitName(group.province, 'en').text)).toEqual(['Hue City', 'Thai Nguyen Province']);
  });
});

describe('the campaign a page is about', () => {
  const all = [hue2021, hue2026, bacKan, over, later];

  it('is the one the address names, even one the list does not know', () => {
    expect(chooseCampaign(all, { slug: 'bac-kan-2021', remembered: 'thanh-pho-hue-2026' }, today)).toBe('bac-kan-2021');
    expect(chooseCampaign(all, { slug: 'newer-than-the-build' }, today)).toBe('newer-than-the-build');
  });

  it('for a link naming only a unit, is the open 2021 campaign of its province, or none', () => {
    expect(chooseCampaign(all, { unitProvince2021: '46', remembered: 'thanh-pho-hue-2026' }, today)).toBe('thua-thien-hue-2021');
    expect(chooseCampaign(all, { unitProvince2021: '38' }, today)).toBeNull();
    expect(chooseCampaign(all, { unitProvince2021: null, remembered: 'bac-kan-2021' }, today)).toBeNull();
  });

  it('is the one remembered on the device while it is open', () => {
    expect(chooseCampaign(all, { remembered: 'thanh-pho-hue-2026' }, today)).toBe('thanh-pho-hue-2026');
    expect(chooseCampaign(all, { remembered: 'ended-2021' }, today)).toBeNull();
  });

  it('is the only open one without asking, and none when several are open', () => {
    expect(chooseCampaign([hue2026, over, later], {}, today)).toBe('thanh-pho-hue-2026');
    expect(chooseCampaign(all, {}, today)).toBeNull();
    expect(chooseCampaign([over], {}, today)).toBeNull();
  });
});
