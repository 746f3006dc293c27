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
import {
  defaultDateRange,
  effectiveSort,
  hasFilters,
  readSession,
  sortSessions,
  withDefaultDates,
  withoutDefaultDates,
} from '../../domain/schedules.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { Fieldset } from '../shared/Fieldset.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { TextField } from '../shared/TextField.tsx';
import { useForm } from '../shared/use-form.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { askPosition, type Position } from './ask-position.ts';
import { LocationSearch, type Geo } from './LocationSearch.tsx';
import { SearchResults, type Search } from './SearchResults.tsx';
import { UnitPickers, type AreaCodes } from './UnitPickers.tsx';
import { unitPath } from './units.ts';

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
  const form = useForm(t);
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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the page is rendered at build time: the reader's address and today exist only once it runs in the browser, after hydration (React's two-pass rendering for client-only content)
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
    const parsed = searchFiltersSchema.safeParse(raw);
    const problems = [
      ...(!at && !area.province ? [{ field: 'schedules-province', message: t('schedules:form.areaRequired') }] : []),
      ...(parsed.success ? [] : fieldErrorsOf(parsed.error.issues, (path) => fieldOf(path[0]), t)),
    ];
    form.show(problems);
    if (parsed.success && problems.length === 0) void run(parsed.data);
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    searchWith(position, filters?.sort);
  }

  function locate() {
    setGeo('locating');
    askPosition((answer) => {
      if (typeof answer === 'string') return setGeo(answer);
      setGeo('idle');
      setPosition(answer);
      searchWith(answer, 'distance');
    });
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

  const sort = filters ? effectiveSort(filters) : 'date';
  // The same array until the answer or the order changes: the map refits its view on a new one.
  const sessions = useMemo(() => (search.status === 'done' ? sortSessions(search.sessions, sort) : []), [search, sort]);

  return (
    <div className="schedules">
      <ErrorSummary title={t('common:form.errorTitle')} errors={form.errors} />
      <form className="search-form" noValidate onSubmit={submit}>
        <LocationSearch t={t} id={locationButton} geo={geo} located={position !== null} onLocate={locate} onForget={forgetPosition} />

        <Fieldset id="schedules-area" legend={t('schedules:form.area')} hint={t('schedules:form.areaHint')}>
          <UnitPickers value={area} onChange={setArea} t={t} errorOf={form.errorOf} />
        </Fieldset>

        <Fieldset id="schedules-dates" legend={t('schedules:form.dates')} hint={t('schedules:form.datesHint', { max_days: searchLimits.maxDays })}>
          <div className="dates">
            <TextField {...form.field('schedules-from')} type="date" label={t('schedules:form.from')} value={dates.from} onValue={(from) => setDates({ ...dates, from })} />
            <TextField {...form.field('schedules-to')} type="date" label={t('schedules:form.to')} value={dates.to} onValue={(to) => setDates({ ...dates, to })} />
          </div>
        </Fieldset>

        <button type="submit" className="button">
          {t('schedules:form.submit')}
        </button>
      </form>

      <SearchResults locale={locale} t={t} search={search} sessions={sessions} filters={filters} sort={sort} formatDate={formatDate} onRetry={(again) => void run(again)} onSort={changeSort} />
    </div>
  );
}
