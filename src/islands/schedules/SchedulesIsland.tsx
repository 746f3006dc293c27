// Finding a session: the reader's location or an area, and dates; then the list (and, on request,
// the map). The filters live in the address (DESIGN.md: links are printed on posters), so an
// address with filters shows its list as soon as the page loads, and every search rewrites it.
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import {
  filtersFromQuery,
  filtersToQuery,
  searchFiltersSchema,
  searchLimits,
  toSearchSessionsArgs,
  type SearchFilters,
  type SearchSort,
} from '../../domain/booking.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import {
  defaultDateRange,
  effectiveSort,
  hasFilters,
  readSession,
  sortSessions,
  withDefaultDates,
  withoutDefaultDates,
  type SessionResult,
} from '../../domain/schedules.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDayLong } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import { describedBy, ErrorSummary, InlineError, type FieldError } from '../shared/ErrorSummary.tsx';
import { createTranslator, type Messages } from '../translator.ts';
import { SessionList } from './SessionList.tsx';
import { SessionMap } from './SessionMap.tsx';
import { UnitPickers, type AreaCodes } from './UnitPickers.tsx';
import { unitPath } from './units.ts';

type Search =
  | { status: 'idle' | 'loading' | 'network' }
  | { status: 'done'; sessions: SessionResult[] }
  | { status: 'refused'; refusal: Refusal };

type Geo = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout' | 'outside';

interface Position {
  lat: number;
  lng: number;
}

const noArea: AreaCodes = { province: '', district: '', ward: '' };
const locationButton = 'schedules-location';

/** The field a filter problem is shown at. */
function fieldOf(name: PropertyKey | undefined): string {
  if (name === 'from' || name === 'to' || name === 'province' || name === 'district' || name === 'ward') return `schedules-${name}`;
  return locationButton;
}

function writeAddress(filters: SearchFilters | null) {
  const query = filters ? filtersToQuery(withoutDefaultDates(filters)).toString() : '';
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

export default function SchedulesIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const formatDate = (isoDate: string) => formatDayLong(locale, isoDate);
  const [area, setArea] = useState<AreaCodes>(noArea);
  // Empty until mounted: the build's "today" is not the reader's.
  const [dates, setDates] = useState({ from: '', to: '' });
  const [position, setPosition] = useState<Position | null>(null);
  const [geo, setGeo] = useState<Geo>('idle');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [filters, setFilters] = useState<SearchFilters | null>(null);
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  // Only the latest search may show its answer: an earlier, slower one is dropped.
  const latest = useRef(0);

  async function run(next: SearchFilters) {
    const applied = withDefaultDates(next);
    setFilters(applied);
    writeAddress(applied);
    const id = ++latest.current;
    setSearch({ status: 'loading' });
    // The arguments are nullable for PostgREST (see toSearchSessionsArgs); the generated type is not.
    const result = await rpc('search_sessions', toSearchSessionsArgs(applied) as never);
    if (id !== latest.current) return;
    if (result.ok) setSearch({ status: 'done', sessions: result.data.map(readSession) });
    else if ('refusal' in result) setSearch({ status: 'refused', refusal: result.refusal });
    else setSearch({ status: 'network' });
  }

  useEffect(() => {
    const fromAddress = filtersFromQuery(new URLSearchParams(location.search));
    const range = defaultDateRange();
    setDates({ from: fromAddress.from ?? range.from, to: fromAddress.to ?? range.to });
    if (fromAddress.lat !== undefined && fromAddress.lng !== undefined) setPosition({ lat: fromAddress.lat, lng: fromAddress.lng });
    const unit = fromAddress.ward ?? fromAddress.district ?? fromAddress.province;
    if (unit) {
      // The pickers show the units above the one in the address, unless the reader got there first.
      void unitPath(unit).then(([province = '', district = '', ward = '']) => setArea((current) => (current.province ? current : { province, district, ward })));
    }
    if (hasFilters(fromAddress)) void run(fromAddress);
  }, []);

  /** Checks the form with the shared schema and searches, or shows what to fix. */
  function searchWith(at: Position | null, sort: SearchSort | undefined) {
    const unit = area.ward ? { ward: area.ward } : area.district ? { district: area.district } : area.province ? { province: area.province } : {};
    const raw = {
      ...unit,
      ...(dates.from && { from: dates.from }),
      ...(dates.to && { to: dates.to }),
      ...(at && { lat: at.lat, lng: at.lng }),
      ...(at && sort && { sort }),
    };
    const problems: FieldError[] = [];
    if (!at && !area.province) problems.push({ field: 'schedules-province', message: t('schedules:form.areaRequired') });
    const parsed = searchFiltersSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const params = 'params' in issue ? (issue.params as Record<string, number>) : undefined;
        problems.push({ field: fieldOf(issue.path[0]), message: t(issue.message, params) });
      }
    }
    setErrors(problems);
    if (parsed.success && problems.length === 0) void run(parsed.data);
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    searchWith(position, filters?.sort);
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setGeo('unavailable');
      return;
    }
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const checked = searchFiltersSchema.safeParse({ lat: coords.latitude, lng: coords.longitude });
        if (!checked.success || checked.data.lat === undefined || checked.data.lng === undefined) {
          setGeo('outside');
          return;
        }
        const at = { lat: checked.data.lat, lng: checked.data.lng };
        setGeo('idle');
        setPosition(at);
        searchWith(at, 'distance');
      },
      (error) => setGeo(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable'),
      // A position some minutes old is near enough, and a cheap phone's GPS may never settle.
      { timeout: 15_000, maximumAge: 300_000 },
    );
  }

  function forgetPosition() {
    setPosition(null);
    setGeo('idle');
    if (!filters) return;
    const { lat: _lat, lng: _lng, sort: _sort, radius_km: _radius, ...rest } = filters;
    if (rest.province || rest.district || rest.ward) {
      void run(rest);
    } else {
      latest.current++;
      setFilters(null);
      setSearch({ status: 'idle' });
      writeAddress(null);
    }
  }

  function changeSort(sort: SearchSort) {
    if (!filters) return;
    const next = { ...filters, sort };
    setFilters(next);
    writeAddress(next);
  }

  const refusal = search.status === 'refused' ? refusalMessage(search.refusal) : null;
  const problemText = refusal ? t(refusal.key, refusal.values) : t('errors:network');
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const sort = filters ? effectiveSort(filters) : 'date';
  const hasLocation = filters?.lat !== undefined;
  // The same array until the answer or the order changes: the map refits its view on a new one.
  const sessions = useMemo(() => (search.status === 'done' ? sortSessions(search.sessions, sort) : []), [search, sort]);
  const geoMessage = {
    denied: 'schedules:location.denied',
    unavailable: 'schedules:location.unavailable',
    timeout: 'schedules:location.timeout',
  } as const;
  const status =
    search.status === 'idle'
      ? t('schedules:results.start')
      : search.status === 'loading'
        ? t('schedules:results.loading')
        : search.status === 'done'
          ? t('schedules:results.count', { count: sessions.length })
          : t('schedules:results.error');

  return (
    <div className="schedules">
      <ErrorSummary title={t('schedules:form.errorTitle')} errors={errors} />
      <form className="search-form" noValidate onSubmit={submit}>
        <div className="location">
          <button type="button" id={locationButton} className="button button-secondary" aria-describedby="schedules-location-hint" onClick={locate}>
            {t('schedules:location.use')}
          </button>
          <p id="schedules-location-hint" className="hint">
            {t('schedules:location.hint')}
          </p>
          <div role="status">
            {geo === 'locating' && <p>{t('schedules:location.locating')}</p>}
            {(geo === 'denied' || geo === 'unavailable' || geo === 'timeout') && <p className="notice">{t(geoMessage[geo])}</p>}
            {geo === 'outside' && <p className="notice">{t('booking:search.location')}</p>}
            {position && <p>{t('schedules:location.found')}</p>}
          </div>
          {position && (
            <button type="button" className="button button-link" onClick={forgetPosition}>
              {t('schedules:location.forget')}
            </button>
          )}
        </div>

        <fieldset>
          <legend>{t('schedules:form.area')}</legend>
          <p className="hint">{t('schedules:form.areaHint')}</p>
          <UnitPickers value={area} onChange={setArea} t={t} provinceError={errorOf('schedules-province')} />
        </fieldset>

        <fieldset aria-describedby="schedules-dates-hint">
          <legend>{t('schedules:form.dates')}</legend>
          <p id="schedules-dates-hint" className="hint">
            {t('schedules:form.datesHint', { max_days: searchLimits.maxDays })}
          </p>
          <div className="dates">
            {(['from', 'to'] as const).map((name) => {
              const id = `schedules-${name}`;
              const error = errorOf(id);
              return (
                <div key={name} className={error ? 'field field-invalid' : 'field'}>
                  <label htmlFor={id}>{t(name === 'from' ? 'schedules:form.from' : 'schedules:form.to')}</label>
                  <InlineError id={id} prefix={t('schedules:form.errorPrefix')} message={error} />
                  <input
                    type="date"
                    id={id}
                    value={dates[name]}
                    aria-describedby={describedBy(id, false, error)}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => setDates({ ...dates, [name]: event.target.value })}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>

        <button type="submit" className="button">
          {t('schedules:form.submit')}
        </button>
      </form>

      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('schedules:results.heading')}</h2>
        <p role="status" className="results-status">
          {status}
        </p>

        {(search.status === 'network' || search.status === 'refused') && (
          <div className="notice notice-error">
            <h3>{t('schedules:results.error')}</h3>
            <p>{problemText}</p>
            {search.status === 'network' && filters && (
              <button type="button" className="button" onClick={() => void run(filters)}>
                {t('schedules:form.retry')}
              </button>
            )}
          </div>
        )}

        {search.status === 'done' && sessions.length === 0 && (
          <div className="notice">
            <h3>{t('schedules:empty.title')}</h3>
            <p>{t('schedules:empty.body')}</p>
            <p>
              <a href={localizedPath(locale, 'home-visit')}>{t('schedules:empty.homeVisit')}</a>
            </p>
          </div>
        )}

        {sessions.length > 0 && filters && (
          <>
            <fieldset className="sort">
              <legend>{t('schedules:sort.legend')}</legend>
              {(['date', 'distance'] as const).map((option) => (
                <label key={option} className="radio">
                  <input
                    type="radio"
                    name="sort"
                    value={option}
                    checked={sort === option}
                    disabled={option === 'distance' && !hasLocation}
                    aria-describedby={option === 'distance' && !hasLocation ? 'sort-distance-hint' : undefined}
                    onChange={() => changeSort(option)}
                  />
                  {t(option === 'date' ? 'schedules:sort.date' : 'schedules:sort.distance')}
                </label>
              ))}
              {!hasLocation && (
                <p id="sort-distance-hint" className="hint">
                  {t('schedules:sort.distanceHint')}
                </p>
              )}
            </fieldset>
            <SessionMap sessions={sessions} t={t} formatDate={formatDate} />
            <SessionList locale={locale} t={t} sessions={sessions} sort={sort} filters={filters} formatDate={formatDate} />
          </>
        )}
      </section>
    </div>
  );
}
