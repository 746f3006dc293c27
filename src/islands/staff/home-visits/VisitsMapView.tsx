// The day's home visits on a map, loaded when the officer asks for it.
import { useCallback } from 'react';
import { LazyMap } from '../../shared/LazyMap.tsx';
import type { Translate } from '../../translator.ts';
import type { MapVisit, VisitsMap } from './visits-map.ts';

const osm = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/** The day's visits on a map, to plan the route. */
export function VisitsMapView({ t, visits }: { t: Translate; visits: MapVisit[] }) {
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
