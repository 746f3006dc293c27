// "Show on map": the list's sessions as markers, whose popups link back to the list items. The map
// module (Leaflet) is fetched on the first opening, never with the page.
import { useCallback } from 'react';
import { sitesOf, type SessionResult } from '../../domain/schedules.ts';
import { LazyMap } from '../shared/LazyMap.tsx';
import type { Translate } from '../translator.ts';
import type { SessionMap as MapInstance } from './session-map.ts';

interface Props {
  sessions: SessionResult[];
  t: Translate;
  formatDate: (isoDate: string) => string;
}

const osm = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export function SessionMap({ sessions, t, formatDate }: Props) {
  const show = useCallback((map: MapInstance) => map.show(sitesOf(sessions)), [sessions]);
  return (
    <LazyMap
      id="session-map"
      className="session-map"
      labels={{
        show: t('schedules:map.show'),
        hide: t('schedules:map.hide'),
        loading: t('schedules:map.loading'),
        error: t('schedules:map.error'),
        region: t('schedules:map.label'),
      }}
      load={async () => {
        const { createSessionMap, loadStylesheet } = await import('./session-map.ts');
        await loadStylesheet();
        return (container) =>
          createSessionMap(container, {
            attribution: t('schedules:map.attribution', { osm }),
            sessionLink: (date) => t('schedules:map.sessionLink', { date: formatDate(date) }),
          });
      }}
      show={show}
    />
  );
}
