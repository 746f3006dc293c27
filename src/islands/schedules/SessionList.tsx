// The sessions found: under a heading per date (by date), or nearest first with the date on each.
// Every shift shows its hours and places; the recommended one says why; open ones link to booking.
import type { SearchFilters, SearchSort } from '../../domain/search-filters.ts';
import { unitName } from '../../domain/unit-name.ts';
import { groupByDate, recommendationReason, shiftState, splitByLocatedCommune, type SessionResult, type SessionShift } from '../../domain/schedules.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatTime } from '../../lib/format.ts';
import type { ReactNode } from 'react';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  sessions: SessionResult[];
  sort: SearchSort;
  filters: SearchFilters;
  /** The name of the commune the reader stands in, whose sessions come first when nearest first. */
  commune: string | null;
  formatDate: (isoDate: string) => string;
}

// Literal keys, so the key check (tests/unit/i18n-keys.test.ts) sees each one.
const kindKeys: Record<string, string> = {
  police_station: 'schedules:kind.police_station',
  commune_hall: 'schedules:kind.commune_hall',
  school: 'schedules:kind.school',
  enterprise: 'schedules:kind.enterprise',
  other: 'schedules:kind.other',
};

export function SessionList({ locale, t, sessions, sort, filters, commune, formatDate }: Props) {
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Sites, addresses and access notes are written in Vietnamese only.
  const dataLang = vietnameseData(locale);

  function shiftItem(session: SessionResult, shift: SessionShift) {
    const time = t('schedules:shift.time', { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) });
    const state = shiftState(shift);
    const reason = shift.id === session.recommended_shift_id ? recommendationReason(session, filters) : null;
    return (
      <li key={shift.id} className={`shift shift-${state}${reason ? ' shift-recommended' : ''}`}>
        <span className="shift-time">{time}</span>
        <span className="shift-places">
          {state === 'open' && t('schedules:shift.placesLeft', { count: shift.places_left })}
          {state === 'full' && t('schedules:shift.full')}
          {state === 'closed' && t('schedules:shift.closed')}
        </span>
        {reason && (
          <p className="shift-reason">
            <strong>{t('schedules:shift.recommended')}.</strong> {t(reason === 'near' ? 'schedules:reason.near' : 'schedules:reason.far')}
          </p>
        )}
        {state === 'open' && (
          <a className="button shift-book" href={localizedPath(locale, `book/?shift=${shift.id}`)}>
            {t('schedules:shift.book')}
            <span className="visually-hidden">
              {' '}
              <Interpolated
                t={t}
                name="schedules:shift.bookContext"
                values={{ time, date: formatDate(session.session_date), site: <span lang={dataLang}>{session.site_name}</span> }}
              />
            </span>
          </a>
        )}
      </li>
    );
  }

  function sessionItem(session: SessionResult, heading: 'h3' | 'h4', withDate: boolean) {
    const Heading = heading;
    const ward = unitName({ name: session.ward_name, name_en: session.ward_name_en }, locale);
    return (
      <li key={session.session_id} id={`session-${session.session_id}`} className="session" tabIndex={-1}>
        <Heading className="session-site" lang={dataLang}>
          {session.site_name}
        </Heading>
        <p className="session-kind">
          {t(kindKeys[session.site_kind] ?? 'schedules:kind.other')} ·{' '}
          {/* A 2021 ward and its district have Vietnamese names only; a 2025 commune has an English one. */}
          <span lang={ward.lang === locale ? undefined : ward.lang}>
            {session.district_name ? t('schedules:session.area', { ward: ward.text, district: session.district_name }) : ward.text}
          </span>
        </p>
        <dl className="session-facts">
          {withDate && (
            <div>
              <dt>{t('schedules:session.date')}</dt>
              <dd>
                <time dateTime={session.session_date}>{formatDate(session.session_date)}</time>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('schedules:session.address')}</dt>
            <dd lang={dataLang}>{session.address}</dd>
          </div>
          {session.access_notes && (
            <div>
              <dt>{t('schedules:session.access')}</dt>
              <dd lang={dataLang}>{session.access_notes}</dd>
            </div>
          )}
        </dl>
        {session.distance_km !== null && (
          <p className="session-distance">{t('schedules:session.distance', { distance: km.format(session.distance_km) })}</p>
        )}
        <ul className="shifts" aria-label={t('schedules:session.shifts')}>
          {session.shifts.map((shift) => shiftItem(session, shift))}
        </ul>
      </li>
    );
  }

  /** Sessions under a heading of their own (a date, or where they are, each then with its date). */
  function group(id: string, heading: ReactNode, items: SessionResult[], withDate: boolean) {
    return (
      <section key={id} aria-labelledby={id}>
        <h3 id={id} className="date-heading">
          {heading}
        </h3>
        <ul className="sessions">{items.map((session) => sessionItem(session, 'h4', withDate))}</ul>
      </section>
    );
  }

  if (sort === 'distance') {
    const [inCommune, others] = splitByLocatedCommune(sessions);
    if (commune === null || inCommune.length === 0) return <ul className="sessions">{sessions.map((session) => sessionItem(session, 'h3', true))}</ul>;
    return (
      <>
        {group('sessions-in-commune', t('schedules:list.inCommune', { commune }), inCommune, true)}
        {others.length > 0 && group('sessions-nearest', t('schedules:list.nearest'), others, true)}
      </>
    );
  }
  return <>{groupByDate(sessions).map((day) => group(`date-${day.date}`, <time dateTime={day.date}>{formatDate(day.date)}</time>, day.sessions, false))}</>;
}
