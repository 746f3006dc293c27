// Offered when the chosen shift is full: the nearest shifts with places. Choosing one opens its
// booking page; the answers typed so far come along (they are kept for the browser tab).
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { AlternativeList } from '../shared/AlternativeList.tsx';
import type { Translate } from '../translator.ts';

export function Alternatives({ locale, t, shiftId, schedulesHref }: { locale: Locale; t: Translate; shiftId: number; schedulesHref: string }) {
  return (
    <section aria-labelledby="full-heading" className="alternatives">
      <h3 id="full-heading">{t('book:full.heading')}</h3>
      <AlternativeList
        locale={locale}
        t={t}
        shiftId={shiftId}
        lead={t('book:full.lead')}
        action={(alternative) => (
          <a className="button button-secondary" href={`${localizedPath(locale, 'book')}?shift=${alternative.shift_id}`}>
            {t('book:alternative.choose')}
          </a>
        )}
      />
      <a href={schedulesHref}>{t('book:shift.choose')}</a>
    </section>
  );
}
