// The shift being booked: when, where, how to get in, the places left, and that it is not real when
// its campaign is a demonstration.
import type { Locale } from '../../i18n/config.ts';
import { DemonstrationNote } from '../shared/DemonstrationNote.tsx';
import { vietnameseData } from '../shared/Interpolated.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  when: string;
  site: { name: string; address: string; access_notes: string | null } | null;
  placesLeft: number;
  demonstration: boolean;
}

export function ShiftSummary({ locale, t, when, site, placesLeft, demonstration }: Props) {
  // The site's name, address and access notes are written in Vietnamese only.
  const dataLang = vietnameseData(locale);
  return (
    <section className="shift-summary" aria-labelledby="shift-heading">
      <h2 id="shift-heading">{t('book:shift.heading')}</h2>
      {demonstration && <DemonstrationNote t={t} />}
      <p className="shift-when">{when}</p>
      <p lang={dataLang}>
        <strong>{site?.name}</strong>
        <br />
        {site?.address}
      </p>
      {site?.access_notes && <p className="hint" lang={dataLang}>{site.access_notes}</p>}
      <p>{t('book:shift.placesLeft', { count: placesLeft })}</p>
    </section>
  );
}
