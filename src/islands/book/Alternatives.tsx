// Offered when the chosen shift cannot take the people: the nearest shifts that can. Choosing one
// opens its booking page; the answers typed so far come along (they are kept for the browser tab).
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { AlternativeList } from '../shared/AlternativeList.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  shiftId: number;
  /** The people being booked, whom an alternative must have places for. */
  places: number;
  schedulesHref: string;
  /** The booking page an alternative opens (the officer's assisted booking has its own). */
  bookPath?: string;
}

export function Alternatives({ locale, t, shiftId, places, schedulesHref, bookPath = localizedPath(locale, 'book') }: Props) {
  return (
    <section aria-labelledby="alternatives-heading" className="alternatives">
      <h3 id="alternatives-heading">{t('book:full.alternatives')}</h3>
      <AlternativeList
        locale={locale}
        t={t}
        shiftId={shiftId}
        places={places}
        lead={t('book:full.lead')}
        action={(alternative, which) => (
          <a className="button button-secondary" href={`${bookPath}?shift=${alternative.shift_id}`}>
            {t('book:alternative.choose')}
            {which}
          </a>
        )}
      />
      <a href={schedulesHref}>{t('book:shift.choose')}</a>
    </section>
  );
}
