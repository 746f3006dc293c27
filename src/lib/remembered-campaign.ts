// The campaign last chosen on this device (localStorage), shared by the pages that resolve their
// campaign (page-campaign.ts) and the progress page's small script, which cannot load the former's
// zod and API client within its weight.

const storageKey = 'cccd.campaign';

/** The slug chosen last on this device, if storage is allowed. */
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
