// The planner's sites and team bases: a list, always there and usable with a keyboard, and the
// same on a map the officer opens (Leaflet is fetched then, never with the page). Choosing a site
// in the list or in a marker's popup calls onSelectSite.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { NEAR_KM } from '../../../../domain/near.ts';
import { formatNumber } from '../../../../lib/format.ts';
import { LazyMap } from '../../../shared/LazyMap.tsx';
import type { Translate } from '../../../translator.ts';
import { baseMarkerClass, siteMarkerClass, type PlanMapBase, type PlanMapSite } from './markers.ts';
import type { PlanMapInstance } from './plan-map.ts';
import './plan-map.css';

export type { PlanMapBase, PlanMapSite };

export interface PlanMapProps {
  sites: PlanMapSite[];
  bases: PlanMapBase[];
  onSelectSite?: (id: string) => void;
  /** The map's accessible name, and the list's. */
  label: string;
  locale: 'vi' | 'en';
  /** The page's translator, with the `planView` namespace in its messages. */
  t: Translate;
}

const osm = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export default function PlanMap({ sites, bases, onSelectSite, label, locale, t }: PlanMapProps) {
  const facts = (site: PlanMapSite) => [
    t('planView:map.places', { count: site.places, places: formatNumber(locale, site.places) }),
    t(site.near ? 'planView:map.near' : 'planView:map.far', { km: formatNumber(locale, NEAR_KM) }),
  ];
  // The page may hand new arrays and a new callback on every render: the markers are placed again
  // (and the view fitted to them) only when what they show changes.
  const select = useRef(onSelectSite);
  useEffect(() => {
    select.current = onSelectSite;
  });
  const canSelect = onSelectSite !== undefined;
  const shown = JSON.stringify([sites, bases, canSelect]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` stands for sites, bases and canSelect
  const place = useMemo(() => ({ sites, bases }), [shown]);
  const show = useCallback(
    (map: PlanMapInstance) => map.show(place.sites, place.bases, canSelect ? (id) => select.current?.(id) : undefined),
    [place, canSelect],
  );

  return (
    <div className="plan-map">
      <LazyMap
        id="plan-map"
        className="plan-map-toggle"
        labels={{ show: t('planView:map.show'), hide: t('planView:map.hide'), loading: t('planView:map.loading'), error: t('planView:map.error'), region: label }}
        load={async () => {
          const { createPlanMap, loadStylesheet } = await import('./plan-map.ts');
          await loadStylesheet();
          return (container) =>
            createPlanMap(container, {
              attribution: t('planView:map.attribution', { osm }),
              facts: (site) => [...facts(site), ...(site.selected ? [t('planView:map.chosen')] : [])],
              choose: (site) => t('planView:map.choose', { site: site.name }),
              base: (base) => t('planView:map.base', { name: base.name }),
            });
        }}
        show={show}
      />
      <section className="plan-map-list" aria-label={label}>
        <p className="plan-map-list-title">{t('planView:map.sites')}</p>
        {sites.length === 0 ? (
          <p>{t('planView:map.empty')}</p>
        ) : (
          <ul>
            {sites.map((site) => (
              <li key={site.id} className={site.selected ? 'plan-map-chosen' : undefined}>
                <span className={siteMarkerClass(site)} aria-hidden="true" />
                <span className="plan-map-site">
                  <strong lang="vi">{site.name}</strong>
                  {facts(site).map((fact) => (
                    <span key={fact}>{fact}</span>
                  ))}
                  {site.selected && <span className="plan-map-chosen-label">{t('planView:map.chosen')}</span>}
                </span>
                {onSelectSite && (
                  // Stays when pressed, so the keyboard focus is not lost.
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('planView:map.choose', { site: site.name })}
                    aria-pressed={site.selected === true}
                    onClick={() => onSelectSite(site.id)}
                  >
                    {t('planView:map.chooseShort')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {bases.length > 0 && (
          <>
            <p className="plan-map-list-title">{t('planView:map.bases')}</p>
            <ul>
              {bases.map((base) => (
                <li key={base.id}>
                  <span className={baseMarkerClass} aria-hidden="true" />
                  <span className="plan-map-site" lang="vi">
                    {base.name}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
