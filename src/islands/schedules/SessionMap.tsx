// "Show on map": the list's sessions as markers, whose popups link back to the list items. The map
// module (Leaflet) is fetched on the first opening, never with the page.
import { useEffect, useRef, useState } from 'react';
import { sitesOf, type SessionResult } from '../../domain/schedules.ts';
import type { Translate } from '../translator.ts';
import type { SessionMap as MapInstance } from './session-map.ts';

interface Props {
  sessions: SessionResult[];
  t: Translate;
  formatDate: (isoDate: string) => string;
}

export function SessionMap({ sessions, t, formatDate }: Props) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapInstance | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setState('loading');
    const osm = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
    import('./session-map.ts')
      .then(async ({ createSessionMap, loadStylesheet }) => {
        await loadStylesheet();
        if (cancelled || !container.current) return;
        map.current = createSessionMap(container.current, {
          attribution: t('schedules:map.attribution', { osm }),
          sessionLink: (date) => t('schedules:map.sessionLink', { date: formatDate(date) }),
        });
        setState('ready');
      })
      .catch(() => !cancelled && setState('error'));
    return () => {
      cancelled = true;
      map.current?.destroy();
      map.current = null;
    };
  }, [open]);

  useEffect(() => {
    if (state === 'ready') map.current?.show(sitesOf(sessions));
  }, [state, sessions]);

  return (
    <div className="session-map">
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls="session-map" onClick={() => setOpen(!open)}>
        {t(open ? 'schedules:map.hide' : 'schedules:map.show')}
      </button>
      <div id="session-map" hidden={!open}>
        {state === 'loading' && <p>{t('schedules:map.loading')}</p>}
        {state === 'error' && <p className="notice">{t('schedules:map.error')}</p>}
        {open && <div className="map-canvas" ref={container} role="region" aria-label={t('schedules:map.label')} />}
      </div>
    </div>
  );
}
