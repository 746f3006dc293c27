// Where the schedules page starts: the campaign (of the address, of a unit an old poster names,
// remembered on the device, or the only open one), the pickers' units and the filters to search
// with, all in that campaign's set.
import type { SearchFilters } from '../../domain/search-filters.ts';
import type { DirectoryCampaign } from '../../domain/campaign-directory.ts';
import { resolvePageCampaign, type PageCampaign } from '../../lib/page-campaign.ts';
import type { AreaCodes } from './UnitPickers.tsx';
import { hasDistricts, unitPath } from './units.ts';

export type Start =
  | Extract<PageCampaign, { status: 'choose' }>
  | {
      status: 'chosen';
      campaign: DirectoryCampaign;
      area: AreaCodes;
      filters: SearchFilters;
      /** The unit code of the address when it is not one of the campaign's (an old poster's 2021 ward in a 2025 campaign). */
      unknownCode?: string;
    };

/** The pickers' codes for a unit path (province first) of a set. */
function areaOf(path: string[], unitSet: string): AreaCodes {
  const [province = '', second = '', third = ''] = path;
  return hasDistricts(unitSet) ? { province, district: second, ward: third } : { province, district: '', ward: second };
}

export async function startFrom(campaigns: readonly DirectoryCampaign[], fromAddress: SearchFilters): Promise<Start> {
  const unit = fromAddress.ward ?? fromAddress.district ?? fromAddress.province;
  // A link naming a unit without a campaign (the old posters) is read in the 2021 set.
  const oldPath = !fromAddress.campaign && unit ? await unitPath('2021', unit) : undefined;
  const page = await resolvePageCampaign(campaigns, { slug: fromAddress.campaign, unitProvince2021: oldPath && (oldPath[0] ?? null) });
  if (page.status === 'choose') return page;
  const found = page.campaign;
  // The pickers show the units down to the one in the address; a unit outside the campaign is
  // dropped, and the page says so.
  const path = oldPath ?? (unit ? await unitPath(found.unit_set, unit) : []);
  const inCampaign = path[0] === found.province.code;
  const { province: _province, district: _district, ward: _ward, ...rest } = fromAddress;
  return {
    status: 'chosen',
    campaign: found,
    area: areaOf(inCampaign ? path : [found.province.code], found.unit_set),
    filters: { ...(inCampaign ? fromAddress : rest), campaign: found.slug },
    ...(unit && !inCampaign && { unknownCode: unit }),
  };
}
