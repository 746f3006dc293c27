// Which campaign a citizen page is about. Several campaigns may be open at once (the 2021 ones on
// the 2021 units, the 2025 ones on today's units); a citizen knows their province by its name as it
// is today, so the chooser groups the campaigns under today's province (a 2021 campaign's province
// under the 2025 province formed from it). The answer of public.campaign_directory
// (supabase/schemas/14_campaign_directory.sql), and the rules that pick a campaign for a page.
import { array, boolean, nullable, strictObject, string, type output } from 'zod/mini';
import type { Locale } from '../i18n/config.ts';
import { unitName } from './unit-name.ts';
import { vietnamese } from './vietnamese-order.ts';

const provinceSchema = strictObject({ code: string(), name: string(), name_en: nullable(string()) });

export const directoryCampaignSchema = strictObject({
  slug: string(),
  name_vi: string(),
  name_en: string(),
  starts_on: string(),
  deadline: string(),
  /** The set of the campaign's units ('2021': province > district > ward; '2025': province > commune). */
  unit_set: string(),
  /** Figures made up for the demonstration: the pages say so. */
  demonstration: boolean(),
  /** The campaign's own province, in its set. */
  province: provinceSchema,
  /** The province as it is today (2025 set) that the campaign's province is, or was merged into. */
  today_province: provinceSchema,
});

export const campaignDirectoryAnswer = strictObject({ campaigns: array(directoryCampaignSchema) });

export type DirectoryCampaign = output<typeof directoryCampaignSchema>;
export type UnitName = output<typeof provinceSchema>;

/** Whether the campaign takes people on `today` (a `YYYY-MM-DD` day in Viet Nam). */
export function isOpenOn(campaign: Pick<DirectoryCampaign, 'starts_on' | 'deadline'>, today: string): boolean {
  return campaign.starts_on <= today && today <= campaign.deadline;
}

export function campaignName(campaign: Pick<DirectoryCampaign, 'name_vi' | 'name_en'>, locale: Locale): string {
  return locale === 'en' ? campaign.name_en : campaign.name_vi;
}

/**
 * The campaigns the chooser lists (those not over by `today`) under today's provinces, each group
 * and each campaign in Vietnamese alphabetical order of the names read.
 */
export function groupByTodayProvince(
  campaigns: readonly DirectoryCampaign[],
  today: string,
  locale: Locale,
): { province: UnitName; campaigns: DirectoryCampaign[] }[] {
  const groups = new Map<string, { province: UnitName; campaigns: DirectoryCampaign[] }>();
  for (const campaign of campaigns) {
    if (campaign.deadline < today) continue;
    const group = groups.get(campaign.today_province.code) ?? { province: campaign.today_province, campaigns: [] };
    group.campaigns.push(campaign);
    groups.set(campaign.today_province.code, group);
  }
  const byName = (a: string, b: string) => vietnamese.compare(a, b);
  for (const group of groups.values()) group.campaigns.sort((a, b) => byName(campaignName(a, locale), campaignName(b, locale)));
  return [...groups.values()].sort((a, b) => byName(unitName(a.province, locale).text, unitName(b.province, locale).text));
}

/** What a page's address and the device say about the campaign. */
export interface CampaignHints {
  /** `?campaign=` of the address. */
  slug?: string | undefined;
  /**
   * The 2021 province of a unit the address names without a campaign (`?ward=19786`, the old
   * posters); null when the address names a unit the 2021 set does not have.
   */
  unitProvince2021?: string | null | undefined;
  /** The campaign chosen last on this device. */
  remembered?: string | null | undefined;
}

/**
 * The campaign a page is about, in this order: the one the address names; for an address that
 * names only a unit, the open 2021 campaign of its province (or none: the unit means nothing in
 * another campaign); the one remembered on the device, while it is open; the only open campaign.
 * Null when the reader must choose. A slug the list does not know (a campaign newer than the
 * build) is returned as it is, for the page to look up.
 */
export function chooseCampaign(campaigns: readonly DirectoryCampaign[], hints: CampaignHints, today: string): string | null {
  if (hints.slug) return hints.slug;
  const open = campaigns.filter((campaign) => isOpenOn(campaign, today));
  if (hints.unitProvince2021 !== undefined) {
    return open.find((campaign) => campaign.unit_set === '2021' && campaign.province.code === hints.unitProvince2021)?.slug ?? null;
  }
  if (hints.remembered && open.some((campaign) => campaign.slug === hints.remembered)) return hints.remembered;
  return open.length === 1 ? open[0]!.slug : null;
}
