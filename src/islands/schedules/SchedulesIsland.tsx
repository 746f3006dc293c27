// Finding a session in a campaign: the reader's location or an area of the campaign's units, and
// dates; then the list (and, on request, the map). The campaign and the filters live in the
// address (DESIGN.md: links are printed on posters), so an address with filters shows its list as
// soon as the page loads, and every search rewrites it.
import { useEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import {
  filtersFromQuery,
  filtersToQuery,
  searchFiltersSchema,
  searchLimits,
  searchMaxSessions,
  searchPageSize,
  toSearchSessionsArgs,
  type SearchFilters,
  type SearchSort,
} from '../../domain/search-filters.ts';
import type { DirectoryCampaign } from '../../domain/campaign-directory.ts';
import {
  defaultDateRange,
  effectiveSort,
  hasFilters,
  readSession,
  sortSessions,
  withDefaultDates,
  withoutDefaultDates,
} from '../../domain/schedules.ts';
import { locateCommuneAnswer } from '../../domain/units.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import { CampaignPanel } from '../campaign/CampaignPanel.tsx';
import type { PageCampaign } from '../../lib/page-campaign.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { Fieldset } from '../shared/Fieldset.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { TextField } from '../shared/TextField.tsx';
import { useForm } from '../shared/use-form.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { askPosition, type Position } from './ask-position.ts';
import { LocationSearch, type Geo } from './LocationSearch.tsx';
import { OldAddress } from './OldAddress.tsx';
import { resultsHeading, SearchResults, type Search } from './SearchResults.tsx';
import { UnitPickers, type AreaCodes } from './UnitPickers.tsx';
import { startFrom } from './start.ts';
import { hasDistricts } from './units.ts';

const noArea: AreaCodes = { province: '', district: '', ward: '' };
const locationButton = 'schedules-location';

/** The field a filter problem is shown at. */
function fieldOf(name: PropertyKey | undefined): string {
  if (name === 'from' || name === 'to' || name === 'province' || name === 'district' || name === 'ward') return `schedules-${name}`;
  return locationButton;
}

function writeAddress(filters: SearchFilters) {
  const query = filtersToQuery(withoutDefaultDates(filters)).toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

interface Props {
  locale: Locale;
  messages: Messages;
  /** The campaigns as built with the site. */
  campaigns: DirectoryCampaign[];
  /** The campaign chooser's links (static HTML). */
  children?: ReactNode;
}

export default function SchedulesIsland({ locale, messages, campaigns, children }: Props) {
  const t = createTranslator(locale, messages);
  const formatDate = (isoDate: string) => formatDayLong(locale, isoDate);
  const [page, setPage] = useState<PageCampaign>({ status: 'resolving' });
  // The campaign a search runs in, read by run() also before the state above has re-rendered.
  const campaignRef = useRef<DirectoryCampaign | null>(null);
  const campaign = page.status === 'chosen' ? page.campaign : null;
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
  // The unit code of the address the campaign has no unit for, said until the reader searches.
  const [unknownCode, setUnknownCode] = useState<string>();
  // The first open of the old-address lookup, prefilled with that code (kept once shown).
  const [oldAddressCode, setOldAddressCode] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  // The sessions shown before "more": the first one added (in the order shown) takes the focus.
  const shownBefore = useRef<Set<number> | null>(null);
  // A search from the location takes the reader to its answer, far below the button on a phone.
  const revealAnswer = useRef(false);

  /** Searches, or with a larger `limit` the same search again for more of its sessions (the list stays meanwhile). */
  async function run(next: SearchFilters, limit = searchPageSize) {
    const applied = withDefaultDates(next);
    setFilters(applied);
    writeAddress(applied);
    const id = ++latest.current;
    const more = limit > searchPageSize;
    if (more) setLoadingMore(true);
    else setSearch({ status: 'loading' });
    // In a 2025 campaign the location also names the commune it lies in (2021 has no shapes).
    const locate =
      applied.lat !== undefined && applied.lng !== undefined && campaignRef.current?.unit_set === '2025'
        ? rpc('locate_commune', { p_lat: applied.lat, p_lng: applied.lng }, locateCommuneAnswer)
        : null;
    // The arguments are nullable for PostgREST (see toSearchSessionsArgs); the generated type is not.
    const [result, located] = await Promise.all([rpc('search_sessions', toSearchSessionsArgs(applied, limit) as never), locate]);
    if (id !== latest.current) return;
    setLoadingMore(false);
    if (!more || !result.ok) shownBefore.current = null;
    if (result.ok) setSearch({ status: 'done', sessions: result.data.map(readSession), place: located?.ok ? located.data : null, limit });
    else if ('refusal' in result) setSearch({ status: 'refused', refusal: result.refusal });
    else setSearch({ status: 'network' });
  }

  useEffect(() => {
    const fromAddress = filtersFromQuery(new URLSearchParams(location.search));
    const range = defaultDateRange();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the page is rendered at build time: the reader's address and today exist only once it runs in the browser, after hydration (React's two-pass rendering for client-only content)
    setDates({ from: fromAddress.from ?? range.from, to: fromAddress.to ?? range.to });
    if (fromAddress.lat !== undefined && fromAddress.lng !== undefined) setPosition({ lat: fromAddress.lat, lng: fromAddress.lng });
    void startFrom(campaigns, fromAddress).then((start) => {
      if (start.status === 'choose') return setPage(start);
      campaignRef.current = start.campaign;
      setPage({ status: 'chosen', campaign: start.campaign });
      // Unless the reader got to the pickers first.
      setArea((current) => (current.province ? current : start.area));
      setUnknownCode(start.unknownCode);
      if (start.campaign.unit_set === '2025') setOldAddressCode(start.unknownCode);
      if (hasFilters(start.filters)) void run(start.filters);
      else writeAddress(start.filters);
    });
  }, [campaigns]);

  useEffect(() => {
    if (!revealAnswer.current || search.status === 'idle' || search.status === 'loading') return;
    revealAnswer.current = false;
    const heading = document.getElementById(resultsHeading);
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }, [search]);

  /** Checks the form with the shared schema and searches an area, or shows what to fix. */
  function searchWith(at: Position | null, sort: SearchSort | undefined, within: AreaCodes = area) {
    const unit = within.ward ? { ward: within.ward } : within.district ? { district: within.district } : within.province ? { province: within.province } : {};
    const raw = {
      ...(campaign && { campaign: campaign.slug }),
      ...unit,
      ...(dates.from && { from: dates.from }),
      ...(dates.to && { to: dates.to }),
      ...(at && { lat: at.lat, lng: at.lng }),
      ...(at && sort && { sort }),
    };
    const parsed = searchFiltersSchema.safeParse(raw);
    const problems = [
      ...(!at && !within.province ? [{ field: 'schedules-province', message: t('schedules:form.areaRequired') }] : []),
      ...(parsed.success ? [] : fieldErrorsOf(parsed.error.issues, (path) => fieldOf(path[0]), t)),
    ];
    form.show(problems);
    setUnknownCode(undefined);
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
      revealAnswer.current = true;
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
      writeAddress(campaign ? { campaign: campaign.slug } : {});
    }
  }

  /** A commune the old-address lookup found: its sessions, as if picked. */
  function chooseCommune(code: string) {
    if (!campaign) return;
    const next = { province: campaign.province.code, district: '', ward: code };
    setArea(next);
    searchWith(position, filters?.sort, next);
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
  // A full page may have more behind it: the same search again with a page more.
  const more =
    search.status === 'done' && filters && search.sessions.length >= search.limit && search.limit < searchMaxSessions
      ? () => {
          shownBefore.current = new Set(search.sessions.map((session) => session.session_id));
          void run(filters, search.limit + searchPageSize);
        }
      : null;

  useEffect(() => {
    const before = shownBefore.current;
    if (!before) return;
    shownBefore.current = null;
    const added = sessions.find((session) => !before.has(session.session_id));
    if (added) document.getElementById(`session-${added.session_id}`)?.focus();
  }, [sessions]);

  return (
    <div className="schedules">
      <CampaignPanel locale={locale} t={t} state={page}>
        {children}
      </CampaignPanel>
      {campaign && (
        <>
          <ErrorSummary title={t('common:form.errorTitle')} errors={form.errors} />
          {unknownCode && (
            <p className="notice">
              {t(campaign.unit_set === '2025' ? 'schedules:unknownUnit.oldWard' : 'schedules:unknownUnit.body', { code: unknownCode })}
            </p>
          )}
          <form className="search-form" noValidate onSubmit={submit}>
            <LocationSearch t={t} id={locationButton} geo={geo} located={position !== null} onLocate={locate} onForget={forgetPosition} />

            <Fieldset
              id="schedules-area"
              legend={t('schedules:form.area')}
              hint={t(hasDistricts(campaign.unit_set) ? 'schedules:form.areaHint' : 'schedules:form.areaHintCommune')}
            >
              <UnitPickers
                locale={locale}
                scope={{ unitSet: campaign.unit_set, provinceCode: campaign.province.code }}
                value={area}
                onChange={setArea}
                t={t}
                errorOf={form.errorOf}
              />
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

          {campaign.unit_set === '2025' && <OldAddress locale={locale} t={t} provinceCode={campaign.province.code} prefill={oldAddressCode} onChoose={chooseCommune} />}

          <SearchResults
            locale={locale}
            t={t}
            search={search}
            sessions={sessions}
            filters={filters}
            provinceCode={campaign.province.code}
            districted={hasDistricts(campaign.unit_set)}
            sort={sort}
            formatDate={formatDate}
            onRetry={(again) => void run(again)}
            onSort={changeSort}
            onMore={more}
            loadingMore={loadingMore}
          />
        </>
      )}
    </div>
  );
}
