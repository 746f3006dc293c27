// The campaign of a page whose form acts for one (home visits, organisation requests): resolved once
// the page runs in the browser (src/lib/page-campaign.ts).
import { useEffect, useState } from 'react';
import type { DirectoryCampaign } from '../../domain/campaign-directory.ts';
import { addressCampaign, resolvePageCampaign, type PageCampaign } from '../../lib/page-campaign.ts';

export function usePageCampaign(campaigns: readonly DirectoryCampaign[]): PageCampaign {
  const [page, setPage] = useState<PageCampaign>({ status: 'resolving' });
  useEffect(() => {
    let current = true;
    void resolvePageCampaign(campaigns, { slug: addressCampaign() }).then((resolved) => current && setPage(resolved));
    return () => {
      current = false;
    };
  }, [campaigns]);
  return page;
}
