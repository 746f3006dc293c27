// What a search found: its state for screen readers, a failure with a retry, nothing found (with
// the way to a home visit), or the sessions with their order, the map on demand and the list.
import type { SearchFilters, SearchSort } from '../../domain/booking.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import type { SessionResult } from '../../domain/schedules.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import type { Translate } from '../translator.ts';
import { SessionList } from './SessionList.tsx';
import { SessionMap } from './SessionMap.tsx';

export type Search =
  | { status: 'idle' | 'loading' | 'network' }
  | { status: 'done'; sessions: SessionResult[] }
  | { status: 'refused'; refusal: Refusal };

interface Props {
  locale: Locale;
  t: Translate;
  search: Search;
  /** The sessions found, in the order shown. */
  sessions: SessionResult[];
  filters: SearchFilters | null;
  sort: SearchSort;
  formatDate: (isoDate: string) => string;
  onRetry: (filters: SearchFilters) => void;
  onSort: (sort: SearchSort) => void;
}

export function SearchResults({ locale, t, search, sessions, filters, sort, formatDate, onRetry, onSort }: Props) {
  const refusal = search.status === 'refused' ? refusalMessage(search.refusal) : null;
  const status =
    search.status === 'idle'
      ? t('schedules:results.start')
      : search.status === 'loading'
        ? t('schedules:results.loading')
        : search.status === 'done'
          ? t('schedules:results.count', { count: sessions.length })
          : t('schedules:results.error');
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('schedules:results.heading')}</h2>
      <p role="status" className="results-status">
        {status}
      </p>

      {(search.status === 'network' || search.status === 'refused') && (
        <div className="notice notice-error">
          <h3>{t('schedules:results.error')}</h3>
          <p>{refusal ? t(refusal.key, refusal.values) : t('errors:network')}</p>
          {search.status === 'network' && filters && (
            <button type="button" className="button" onClick={() => onRetry(filters)}>
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
          <SortChoice t={t} sort={sort} located={filters.lat !== undefined} onSort={onSort} />
          <SessionMap sessions={sessions} t={t} formatDate={formatDate} />
          <SessionList locale={locale} t={t} sessions={sessions} sort={sort} filters={filters} formatDate={formatDate} />
        </>
      )}
    </section>
  );
}

/** By date or by distance; distance only once the reader's location is known. */
function SortChoice({ t, sort, located, onSort }: { t: Translate; sort: SearchSort; located: boolean; onSort: (sort: SearchSort) => void }) {
  return (
    <fieldset className="sort">
      <legend>{t('schedules:sort.legend')}</legend>
      {(['date', 'distance'] as const).map((option) => (
        <label key={option} className="radio">
          <input
            type="radio"
            name="sort"
            value={option}
            checked={sort === option}
            disabled={option === 'distance' && !located}
            aria-describedby={option === 'distance' && !located ? 'sort-distance-hint' : undefined}
            onChange={() => onSort(option)}
          />
          {t(option === 'date' ? 'schedules:sort.date' : 'schedules:sort.distance')}
        </label>
      ))}
      {!located && (
        <p id="sort-distance-hint" className="hint">
          {t('schedules:sort.distanceHint')}
        </p>
      )}
    </fieldset>
  );
}
