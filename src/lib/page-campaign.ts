// Which campaign a citizen page acts for. The pages are static, so this runs in the browser: the
// campaign the address names (`?campaign=<slug>`), else the one last chosen on this device while it
// is open, else the only open one (src/domain/campaign-directory.ts, chooseCampaign); otherwise the
// reader chooses from the page's campaign chooser. The list comes with the page (built with the
// site); a campaign newer than the build is looked up by its slug.
import { campaignDirectoryAnswer, chooseCampaign, type CampaignHints, type DirectoryCampaign } from '../domain/campaign-directory.ts';
import { todayInVietnam } from '../domain/dates.ts';
import { rpc } from './public-api.ts';
import { rememberCampaign, rememberedCampaign } from './remembered-campaign.ts';

/** The campaign the home page shows (PUBLIC_FEATURED_CAMPAIGN). */
export const featuredCampaignSlug: string = import.meta.env.PUBLIC_FEATURED_CAMPAIGN || 'thua-thien-hue-2021';

export type PageCampaign =
  | { status: 'resolving' }
  | { status: 'chosen'; campaign: DirectoryCampaign }
  /** The reader must choose; `problem` says why the address's campaign could not be used. */
  | { status: 'choose'; problem: 'unknown' | 'network' | null };

/** The campaign of a slug: from the built list, else from the database (null when none has it). */
async function findCampaign(campaigns: readonly DirectoryCampaign[], slug: string): Promise<DirectoryCampaign | null | 'network'> {
  const built = campaigns.find((campaign) => campaign.slug === slug);
  if (built) return built;
  const result = await rpc('campaign_directory', { p_slug: slug }, campaignDirectoryAnswer);
  if (!result.ok) return 'network' in result ? 'network' : null;
  return result.data.campaigns[0] ?? null;
}

/**
 * The page's campaign from the address's slug (or, for the schedules page, the province of a unit an
 * old poster names) and the device's memory; a campaign found is remembered for the next page.
 */
export async function resolvePageCampaign(
  campaigns: readonly DirectoryCampaign[],
  hints: Pick<CampaignHints, 'slug' | 'unitProvince2021'>,
): Promise<Exclude<PageCampaign, { status: 'resolving' }>> {
  const slug = chooseCampaign(campaigns, { ...hints, remembered: rememberedCampaign() }, todayInVietnam());
  const found = slug ? await findCampaign(campaigns, slug) : null;
  if (!found || found === 'network') return { status: 'choose', problem: found === 'network' ? 'network' : hints.slug ? 'unknown' : null };
  rememberCampaign(found.slug);
  return { status: 'chosen', campaign: found };
}

/** The slug the page's address names, if any. */
export function addressCampaign(search: string = window.location.search): string | undefined {
  return new URLSearchParams(search).get('campaign') || undefined;
}
