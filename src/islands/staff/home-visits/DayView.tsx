// A day's home visits by ward and on a map, to plan the route.
import { useCallback, useMemo, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import type { Locale } from '../../../i18n/config.ts';
import { visitWindow } from '../../home-visit/format.ts';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import { readDay, type StaffHomeVisit } from './data.ts';
import { useVisits } from './use-visits.ts';
import { VisitCard } from './VisitCard.tsx';
import { VisitsLoading } from './VisitsLoading.tsx';
import type { MapVisit } from './visits-map.ts';
import { VisitsMapView } from './VisitsMapView.tsx';

/** Where a visit goes on the map: the house when its location was shared, else the centre of its commune or district. */
function mapVisit(t: Translate, locale: Locale, visit: StaffHomeVisit): MapVisit | null {
  const centre = visit.ward?.centre;
  const [lat, lng, approximate] = visit.lat !== null && visit.lng !== null ? [visit.lat, visit.lng, false] : [centre?.lat ?? null, centre?.lng ?? null, true];
  if (lat === null || lng === null) return null;
  return { id: visit.id, lat, lng, approximate, title: visit.full_name, when: visitWindow(t, locale, visit), address: `${visit.street_address}, ${visit.ward?.name ?? ''}` };
}

export function DayView({ locale, t }: { locale: Locale; t: Translate }) {
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
                <h3>
                  {/* The count goes to t as a number, so it still picks the plural; the ward is an element. */}
                  <Interpolated
                    t={(key, values) => t(key, { ...values, count: visits.length })}
                    name="staffHomeVisits:day.ward"
                    values={{ ward: <span lang={vietnameseData(locale)}>{ward}</span> }}
                  />
                </h3>
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
        <VisitsLoading t={t} result={result} load={load} />
      )}
    </section>
  );
}
