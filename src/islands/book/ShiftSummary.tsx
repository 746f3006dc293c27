// The shift being booked: when, where, how to get in, the places left, and that it is not real when
// its campaign is a demonstration.
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong, formatTime } from '../../lib/format.ts';
import { DemonstrationNote } from '../shared/DemonstrationNote.tsx';
import { vietnameseData } from '../shared/Interpolated.tsx';
import type { Translate } from '../translator.ts';
import type { Shift } from './use-shift.ts';

interface Props {
  locale: Locale;
  t: Translate;
  shift: Shift & { session: NonNullable<Shift['session']> };
  /** A full shift's refusal's places left, newer than the shift as read. */
  placesLeft: number | undefined;
}

export function ShiftSummary({ locale, t, shift, placesLeft }: Props) {
  const { session } = shift;
  const site = session.site;
  const when = t('book:shift.when', { date: formatDayLong(locale, session.session_date), start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) });
  // The site's name, address and access notes are written in Vietnamese only.
  const dataLang = vietnameseData(locale);
  return (
    <section className="shift-summary" aria-labelledby="shift-heading">
      <h2 id="shift-heading">{t('book:shift.heading')}</h2>
      {session.campaign?.demonstration && <DemonstrationNote t={t} />}
      <p className="shift-when">{when}</p>
      <p lang={dataLang}>
        <strong>{site?.name}</strong>
        <br />
        {site?.address}
      </p>
      {site?.access_notes && <p className="hint" lang={dataLang}>{site.access_notes}</p>}
      <p>{t('book:shift.placesLeft', { count: placesLeft ?? shift.capacity - shift.booked })}</p>
    </section>
  );
}
