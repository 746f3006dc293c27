// What a search found: its state for screen readers, where the reader stands (2025 campaigns), a
// failure with a retry, nothing found (with the way to a home visit), or the sessions with their
// order, the map on demand and the list.
import type { output } from 'zod/mini';
import type { SearchFilters, SearchSort } from '../../domain/search-filters.ts';
import { unitName } from '../../domain/unit-name.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { placeNote, type PlaceNote, type SessionResult } from '../../domain/schedules.ts';
import type { locateCommuneAnswer } from '../../domain/units.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { Interpolated } from '../shared/Interpolated.tsx';
import { UnitName } from '../staff/UnitName.tsx';
import type { Translate } from '../translator.ts';
import { SessionList } from './SessionList.tsx';
import { SessionMap } from './SessionMap.tsx';

export type Search =
  | { status: 'idle' | 'loading' | 'network' }
  /** `place`: the commune the location lies in, when the campaign's units have shapes (2025). */
  | { status: 'done'; sessions: SessionResult[]; place: output<typeof locateCommuneAnswer> | null; limit: number }
  | { status: 'refused'; refusal: Refusal };

interface Props {
  locale: Locale;
  t: Translate;
  search: Search;
  /** The sessions found, in the order shown. */
  sessions: SessionResult[];
  filters: SearchFilters | null;
  /** The campaign's province, against which the reader's commune is judged. */
  provinceCode: string;
  /** Whether the campaign's units have districts (2021), which the advice on an empty list names. */
  districted: boolean;
  sort: SearchSort;
  formatDate: (isoDate: string) => string;
  onRetry: (filters: SearchFilters) => void;
  onSort: (sort: SearchSort) => void;
  /** Asks for more of the search's sessions; null when the answer holds them all. */
  onMore: (() => void) | null;
  loadingMore: boolean;
}

/** The id of the heading a search from the location takes the reader to. */
export const resultsHeading = 'results-heading';

export function SearchResults({ locale, t, search, sessions, filters, provinceCode, districted, sort, formatDate, onRetry, onSort, onMore, loadingMore }: Props) {
  const refusal = search.status === 'refused' ? refusalMessage(search.refusal) : null;
  // The note describes the nearest-first list; ordered by date it would not hold.
  const note = search.status === 'done' && search.place && sort === 'distance' ? placeNote(search.place, provinceCode, search.sessions) : null;
  const status =
    search.status === 'idle'
      ? t('schedules:results.start')
      : search.status === 'loading'
        ? t('schedules:results.loading')
        : search.status === 'done'
          ? loadingMore
            ? t('schedules:results.loadingMore')
            : t(onMore ? 'schedules:results.countFirst' : 'schedules:results.count', { count: sessions.length })
          : t('schedules:results.error');
  return (
    <section className="results" aria-labelledby={resultsHeading}>
      <h2 id={resultsHeading} tabIndex={-1}>{t('schedules:results.heading')}</h2>
      <p role="status" className="results-status">
        {status}
      </p>

      {note && <Place locale={locale} t={t} note={note} />}

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
          <p>{t(districted ? 'schedules:empty.body' : 'schedules:empty.bodyCommune')}</p>
          <p>
            <a href={localizedPath(locale, 'home-visit')}>{t('schedules:empty.homeVisit')}</a>
          </p>
        </div>
      )}

      {sessions.length > 0 && filters && (
        <>
          <SortChoice t={t} sort={sort} located={filters.lat !== undefined} onSort={onSort} />
          <SessionMap sessions={sessions} t={t} formatDate={formatDate} />
          <SessionList
            locale={locale}
            t={t}
            sessions={sessions}
            sort={sort}
            filters={filters}
            commune={note?.kind === 'in' ? unitName(note.commune, locale).text : null}
            formatDate={formatDate}
          />
          {onMore && (
            <button type="button" className="button button-secondary more" onClick={onMore}>
              {t('schedules:results.more')}
            </button>
          )}
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

/** Where the reader stands, and what the list shows because of it. */
function Place({ locale, t, note }: { locale: Locale; t: Translate; note: PlaceNote }) {
  if (note.kind === 'nowhere') return <p className="notice place">{t('schedules:place.nowhere')}</p>;
  const commune = <UnitName locale={locale} unit={note.commune} />;
  if (note.kind === 'elsewhere') {
    return (
      <p className="notice place">
        <Interpolated t={t} name="schedules:place.elsewhere" values={{ commune, province: <UnitName locale={locale} unit={note.province} /> }} />
      </p>
    );
  }
  return (
    <p className="notice place">
      <Interpolated t={t} name={note.sessions > 0 ? 'schedules:place.in' : 'schedules:place.inNone'} values={{ commune }} />
    </p>
  );
}
