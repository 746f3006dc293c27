// Which campaign the page is about: its name (and the demonstration mark), with the chooser
// below: open when the reader must choose, folded under "another campaign" once one is chosen.
// The chooser's links are the page's static HTML (CampaignChooser.astro), handed in as children.
import type { ReactNode } from 'react';
import { campaignName } from '../../domain/campaign-directory.ts';
import type { Locale } from '../../i18n/config.ts';
import type { Translate } from '../translator.ts';
import type { PageCampaign } from '../../lib/page-campaign.ts';

interface Props {
  locale: Locale;
  t: Translate;
  state: PageCampaign;
  /** The panel's heading level, under the page's own headings. */
  heading?: 'h2' | 'h3';
  children: ReactNode;
}

const problems = { unknown: 'schedules:campaign.unknown', network: 'errors:network' } as const;

export function CampaignPanel({ locale, t, state, heading: Heading = 'h2', children }: Props) {
  const chosen = state.status === 'chosen' ? state.campaign : null;
  return (
    <section className="campaign" aria-labelledby="campaign-heading">
      <Heading id="campaign-heading">{t('schedules:campaign.heading')}</Heading>
      {chosen && (
        <p className="campaign-current">
          <strong>{campaignName(chosen, locale)}</strong>
          {chosen.demonstration && <span className="demo-mark">{t('schedules:campaign.demonstration')}</span>}
        </p>
      )}
      {chosen?.demonstration && <p className="hint">{t('schedules:campaign.demonstrationNote')}</p>}
      {state.status === 'choose' && (
        <p className={state.problem ? 'notice notice-error' : undefined}>{t(state.problem ? problems[state.problem] : 'schedules:campaign.choose')}</p>
      )}
      <details className="campaign-list" open={state.status === 'choose'}>
        <summary>{t(chosen ? 'schedules:campaign.change' : 'schedules:campaign.list')}</summary>
        {children}
      </details>
    </section>
  );
}
