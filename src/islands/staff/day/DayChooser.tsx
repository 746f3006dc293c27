// Choosing the day's work: a date, a session of that date (or the next date that has one), a shift.
import type { Locale } from '../../../i18n/config.ts';
import { formatDayLong, formatTime } from '../../../lib/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import type { SessionRow } from './data.ts';

interface Props {
  t: Translate;
  locale: Locale;
  date: string;
  onDate: (date: string) => void;
  /** The sessions of the date, or null while they are read. */
  todays: SessionRow[] | null;
  loading: boolean;
  nextDate: string | undefined;
  sessionId: number | null;
  session: SessionRow | null;
  onSession: (sessionId: number) => void;
  shiftId: number | null;
  onShift: (shiftId: number) => void;
}

export function DayChooser({ t, locale, date, onDate, todays, loading, nextDate, sessionId, session, onSession, shiftId, onShift }: Props) {
  const time = (instant: string) => formatTime(locale, instant);
  return (
    <section aria-labelledby="day-choose">
      <h2 id="day-choose">{t('staffDay:choose.heading')}</h2>
      <TextField id="day-date" type="date" required label={t('staffDay:choose.date')} value={date} onValue={(value) => value && onDate(value)} />
      {loading && <p role="status">{t('staffDay:choose.loading')}</p>}
      {todays?.length === 0 && (
        <div className="notice">
          <p>{t('staffDay:choose.none')}</p>
          {nextDate && (
            <button type="button" className="button button-secondary" onClick={() => onDate(nextDate)}>
              {t('staffDay:choose.next', { date: formatDayLong(locale, nextDate) })}
            </button>
          )}
        </div>
      )}
      {todays && todays.length > 0 && (
        <SelectField
          id="day-session"
          label={t('staffDay:choose.session')}
          value={String(sessionId ?? '')}
          onValue={(value) => onSession(Number(value))}
          options={todays.map((each) =>
            each.cancelled_at
              ? // An option holds text only: the site's name is most of it, so the whole option is marked.
                { value: String(each.id), label: t('staffDay:choose.cancelled', { site: each.site.name }), lang: vietnameseData(locale) }
              : { value: String(each.id), label: each.site.name, lang: vietnameseData(locale) },
          )}
        />
      )}
      {session && session.shifts.length > 0 && (
        <SelectField
          id="day-shift"
          label={t('staffDay:choose.shift')}
          value={String(shiftId ?? '')}
          onValue={(value) => onShift(Number(value))}
          options={session.shifts.map((each) => ({ value: String(each.id), label: t('staffDay:choose.time', { start: time(each.starts_at), end: time(each.ends_at) }) }))}
        />
      )}
    </section>
  );
}
