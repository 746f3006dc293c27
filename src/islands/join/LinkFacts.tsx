// The public facts of an organisation's sign-up link: who, when, where, until when, places left.
import { todayInVietnam } from '../../domain/dates.ts';
import type { LinkInfo } from '../../domain/join-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDate, formatDayLong } from '../../lib/format.ts';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import { SummaryList } from '../shared/SummaryList.tsx';
import type { Translate } from '../translator.ts';

export function LinkFacts({ locale, t, link }: { locale: Locale; t: Translate; link: LinkInfo }) {
  // The organisation, its site and address are written in Vietnamese.
  const dataLang = vietnameseData(locale);
  return (
    <section className="shift-summary" aria-labelledby="link-heading">
      <h2 id="link-heading">
        <Interpolated t={t} name="join:session.heading" values={{ org: <span lang={dataLang}>{link.org_name}</span> }} />
      </h2>
      <p className="hint">{t(`join:kind.${link.org_kind}`)}</p>
      <SummaryList
        rows={[
          { key: t('join:session.date'), value: formatDayLong(locale, link.session.date) },
          {
            key: t('join:session.place'),
            value: (
              <span lang={dataLang}>
                {link.session.site_name}
                <br />
                {link.session.address}
                {link.session.access_notes && <span className="hint"> — {link.session.access_notes}</span>}
              </span>
            ),
          },
          { key: t('join:session.closes'), value: formatDate(locale, todayInVietnam(new Date(link.closes_at))) },
        ]}
      />
      {link.state === 'open' && <p className="places-left">{t('join:session.placesLeft', { count: link.places_left })}</p>}
    </section>
  );
}
