// Home visits of the officer's scope (/{lang}/staff/home-visits/): the requests by status, oldest
// first after the overdue visits, to schedule and close; and a day's visits by ward and on a map,
// to plan the route.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { activeStatuses, overdueFirst, statuses, type HomeVisitStatus } from '../../../domain/home-visit.ts';
import type { Locale } from '../../../i18n/config.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { visitWindow } from '../../home-visit/format.ts';
import { LazyMap } from '../../shared/LazyMap.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import { readDay, readRequests, type StaffHomeVisit } from './data.ts';
import { VisitCard } from './VisitCard.tsx';
import type { MapVisit, VisitsMap } from './visits-map.ts';

type View = 'requests' | 'day';

export default function HomeVisitsIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const [view, setView] = useState<View>(() => (new URLSearchParams(location.search).get('view') === 'day' ? 'day' : 'requests'));
  function choose(next: View) {
    setView(next);
    const url = new URL(location.href);
    url.searchParams.set('view', next);
    history.replaceState(null, '', url);
  }
  return (
    <StaffGate t={t}>
      {(_staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <div className="button-row" role="group" aria-label={t('staffHomeVisits:view.label')}>
            {(['requests', 'day'] as const).map((option) => (
              <button key={option} type="button" className={option === view ? 'button' : 'button button-secondary'} aria-pressed={option === view} onClick={() => choose(option)}>
                {t(`staffHomeVisits:view.${option}`)}
              </button>
            ))}
          </div>
          {view === 'requests' ? <Requests locale={locale} t={t} /> : <Day locale={locale} t={t} />}
        </>
      )}
    </StaffGate>
  );
}

/**
 * Loads with `read`, and again after each saved change, announcing what was saved. Focus then goes
 * to the changed card's heading, or to the announcement when the card left the list (closed).
 */
function useVisits(read: () => Promise<RpcResult<StaffHomeVisit[]>>) {
  const [answer, setAnswer] = useState<{ of: typeof read; result: RpcResult<StaffHomeVisit[]> }>();
  // Another filter or date shows as loading until its own answer comes.
  const result = answer?.of === read ? answer.result : undefined;
  const readAnswer = useCallback(async () => ({ of: read, result: await read() }), [read]);
  const load = useRead(readAnswer, setAnswer);
  const [saved, setSaved] = useState<{ message: string; id: number }>();
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!saved) return;
    const heading = document.querySelector<HTMLElement>(`#visit-${saved.id} h3`);
    (heading ?? savedRef.current)?.focus();
  }, [saved]);
  const onChanged = useCallback(
    async (message: string, id: number) => {
      await load();
      setSaved({ message, id });
    },
    [load],
  );
  return { result, saved: saved?.message, savedRef, load, onChanged };
}

function Loading({ t, result, load }: { t: Translate; result: RpcResult<StaffHomeVisit[]> | undefined; load: () => Promise<void> }) {
  if (!result) return <p role="status">{t('staffHomeVisits:loading')}</p>;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('staffHomeVisits:loadError')}</p>
      <button type="button" className="button button-secondary" onClick={() => void load()}>
        {t('staffHomeVisits:retry')}
      </button>
    </div>
  );
}

/** The status filter's choices: the visits still to deal with, or those of one status. */
const filters: readonly ('active' | HomeVisitStatus)[] = ['active', ...statuses];

function Requests({ locale, t }: { locale: Locale; t: Translate }) {
  const [filter, setFilter] = useState<'active' | HomeVisitStatus>('active');
  const read = useCallback(() => readRequests(filter === 'active' ? activeStatuses : [filter]), [filter]);
  const { result, saved, savedRef, load, onChanged } = useVisits(read);
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('staffHomeVisits:view.requests')}</h2>
      <SelectField
        id="status-filter"
        label={t('staffHomeVisits:filter.status')}
        value={filter}
        onValue={(chosen) => setFilter(filters.find((each) => each === chosen) ?? 'active')}
        options={filters.map((each) => ({ value: each, label: each === 'active' ? t('staffHomeVisits:filter.active') : t(`homeVisit:status.${each}`) }))}
      />
      <p aria-live="polite" tabIndex={-1} ref={savedRef} className={saved ? 'notice' : undefined}>
        {saved}
      </p>
      {result?.ok ? (
        <>
          <p>{result.data.length ? t('staffHomeVisits:list.count', { count: result.data.length }) : t('staffHomeVisits:list.empty')}</p>
          <ul className="staff-sessions">
            {overdueFirst(result.data).map((visit) => (
              <VisitCard key={visit.id} locale={locale} t={t} visit={visit} onChanged={onChanged} />
            ))}
          </ul>
        </>
      ) : (
        <Loading t={t} result={result} load={load} />
      )}
    </section>
  );
}

/** Where a visit goes on the map: the house when its location was shared, else the district's centre. */
function mapVisit(t: Translate, locale: Locale, visit: StaffHomeVisit): MapVisit | null {
  const district = visit.ward?.district;
  const [lat, lng, approximate] = visit.lat !== null && visit.lng !== null ? [visit.lat, visit.lng, false] : [district?.lat ?? null, district?.lng ?? null, true];
  if (lat === null || lng === null) return null;
  return { id: visit.id, lat, lng, approximate, title: visit.full_name, lines: [visitWindow(t, locale, visit), `${visit.street_address}, ${visit.ward?.name ?? ''}`] };
}

function Day({ locale, t }: { locale: Locale; t: Translate }) {
  const [date, setDate] = useState(todayInVietnam);
  const read = useCallback(() => readDay(date), [date]);
  const { result, saved, savedRef, load, onChanged } = useVisits(read);
  const byWard = new Map<string, StaffHomeVisit[]>();
  for (const visit of result?.ok ? result.data : []) {
    const ward = visit.ward?.name ?? '';
    byWard.set(ward, [...(byWard.get(ward) ?? []), visit]);
  }
  const wards = [...byWard.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'));
  const onMap = useMemo(() => (result?.ok ? result.data.map((visit) => mapVisit(t, locale, visit)).filter((visit) => visit !== null) : []), [result, t, locale]);
  return (
    <section aria-labelledby="day-heading">
      <h2 id="day-heading">{t('staffHomeVisits:view.day')}</h2>
      <TextField id="day-date" type="date" label={t('staffHomeVisits:day.date')} value={date} onValue={(chosen) => chosen && setDate(chosen)} />
      <p aria-live="polite" tabIndex={-1} ref={savedRef} className={saved ? 'notice' : undefined}>
        {saved}
      </p>
      {result?.ok ? (
        result.data.length === 0 ? (
          <p>{t('staffHomeVisits:day.empty')}</p>
        ) : (
          <>
            <p>{t('staffHomeVisits:day.count', { count: result.data.length })}</p>
            <VisitsMapView t={t} visits={onMap} />
            {wards.map(([ward, visits]) => (
              <section key={ward} aria-label={ward}>
                <h3>{t('staffHomeVisits:day.ward', { ward, count: visits.length })}</h3>
                <ul className="staff-sessions">
                  {visits.map((visit) => (
                    <VisitCard key={visit.id} locale={locale} t={t} visit={visit} onChanged={onChanged} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )
      ) : (
        <Loading t={t} result={result} load={load} />
      )}
    </section>
  );
}

const osm = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/** The day's visits on a map, to plan the route. */
function VisitsMapView({ t, visits }: { t: Translate; visits: MapVisit[] }) {
  const show = useCallback((map: VisitsMap) => map.show(visits), [visits]);
  return (
    <LazyMap
      id="visits-map"
      className="visits-map"
      labels={{
        show: t('staffHomeVisits:map.show'),
        hide: t('staffHomeVisits:map.hide'),
        loading: t('staffHomeVisits:map.loading'),
        error: t('staffHomeVisits:map.error'),
        region: t('staffHomeVisits:map.label'),
      }}
      load={async () => {
        const { createVisitsMap, loadStylesheet } = await import('./visits-map.ts');
        await loadStylesheet();
        return (container) =>
          createVisitsMap(container, {
            attribution: t('staffHomeVisits:map.attribution', { osm }),
            approximate: t('staffHomeVisits:map.approximate'),
            link: t('staffHomeVisits:map.link'),
          });
      }}
      show={show}
    />
  );
}
