// Which campaign a citizen page acts for: the one its address names (`?campaign=<slug>`), else the
// featured one. The pages are static, so this runs in the browser; a chooser among the open
// campaigns will take the fallback's place.

/** The campaign the home page shows and citizen pages fall back to (PUBLIC_FEATURED_CAMPAIGN). */
export const featuredCampaignSlug: string = import.meta.env.PUBLIC_FEATURED_CAMPAIGN || 'thua-thien-hue-2021';

/** The slug of the campaign the page's address names, or the featured campaign's. */
export function pageCampaign(search: string = window.location.search): string {
  return new URLSearchParams(search).get('campaign') || featuredCampaignSlug;
}
