// The home-visit requests of one status (or all still to deal with), overdue first, to schedule and close.
import { useCallback, useState } from 'react';
import { activeStatuses, overdueFirst, statuses, type HomeVisitStatus } from '../../../domain/home-visit-basics.ts';
import type { Locale } from '../../../i18n/config.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import type { Translate } from '../../translator.ts';
import { readRequests } from './data.ts';
import { useVisits } from './use-visits.ts';
import { VisitCard } from './VisitCard.tsx';
import { VisitsLoading } from './VisitsLoading.tsx';

/** The status filter's choices: the visits still to deal with, or those of one status. */
const filters: readonly ('active' | HomeVisitStatus)[] = ['active', ...statuses];

export function RequestsView({ locale, t }: { locale: Locale; t: Translate }) {
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
        <VisitsLoading t={t} result={result} load={load} />
      )}
    </section>
  );
}
