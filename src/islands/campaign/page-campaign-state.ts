// The campaign of a citizen page, in the browser: the list built with the site, a campaign newer
// than the build looked up by its slug, and the last choice kept on the device.
import { campaignDirectoryAnswer, type DirectoryCampaign } from '../../domain/campaign-directory.ts';
import { rpc } from '../../lib/public-api.ts';

export type PageCampaign =
  | { status: 'resolving' }
  | { status: 'chosen'; campaign: DirectoryCampaign }
  /** The reader must choose; `problem` says why the address's campaign could not be used. */
  | { status: 'choose'; problem: 'unknown' | 'network' | null };

const storageKey = 'cccd.campaign';

/** The campaign chosen last on this device, if storage is allowed. */
export function rememberedCampaign(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function rememberCampaign(slug: string): void {
  try {
    localStorage.setItem(storageKey, slug);
  } catch {
    // Private mode or storage refused: the address still carries the choice.
  }
}

/** The campaign of a slug: from the built list, else from the database (null when none has it). */
export async function findCampaign(campaigns: readonly DirectoryCampaign[], slug: string): Promise<DirectoryCampaign | null | 'network'> {
  const built = campaigns.find((campaign) => campaign.slug === slug);
  if (built) return built;
  const result = await rpc('campaign_directory', { p_slug: slug }, campaignDirectoryAnswer);
  if (!result.ok) return 'network' in result ? 'network' : null;
  return result.data.campaigns[0] ?? null;
}
