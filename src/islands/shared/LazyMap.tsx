// "Show on map": a toggle and a map region whose module (Leaflet, about 45 KB) is fetched on the
// first opening, never with the page. `load` imports the map module and returns its factory;
// `show` puts the data on the map once it is ready and whenever it changes.
import { useEffect, useEffectEvent, useRef, useState } from 'react';

interface LazyMapLabels {
  show: string;
  hide: string;
  loading: string;
  error: string;
  /** Accessible name of the map region. */
  region: string;
}

interface Props<M extends { destroy(): void }> {
  id: string;
  className: string;
  labels: LazyMapLabels;
  load: () => Promise<(container: HTMLElement) => M>;
  show: (map: M) => void;
}

export function LazyMap<M extends { destroy(): void }>({ id, className, labels, load, show }: Props<M>) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<M | null>(null);
  // The map is made once per opening, with the module loader of the time.
  const loadModule = useEffectEvent(load);

  function toggle() {
    if (!open) setState('loading');
    setOpen(!open);
  }

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    loadModule()
      .then((create) => {
        if (cancelled || !container.current) return;
        map.current = create(container.current);
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
    if (state === 'ready' && map.current) show(map.current);
  }, [state, show]);

  return (
    <div className={className}>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls={id} onClick={toggle}>
        {open ? labels.hide : labels.show}
      </button>
      <div id={id} hidden={!open}>
        {state === 'loading' && <p>{labels.loading}</p>}
        {state === 'error' && <p className="notice">{labels.error}</p>}
        {open && <div className="map-canvas" ref={container} role="region" aria-label={labels.region} />}
      </div>
    </div>
  );
}
