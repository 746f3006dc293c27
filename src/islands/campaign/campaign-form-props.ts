// What a page gives a citizen form that acts for a campaign (home visit, organisation request).
import type { ReactNode } from 'react';
import type { DirectoryCampaign } from '../../domain/campaign-directory.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import type { Locale } from '../../i18n/config.ts';
import type { Messages } from '../translator.ts';

export interface CampaignFormProps {
  locale: Locale;
  messages: Messages;
  consent: ConsentVersions;
  /** The campaigns as built with the site. */
  campaigns: DirectoryCampaign[];
  /** The campaign chooser's links (static HTML). */
  children?: ReactNode;
}
