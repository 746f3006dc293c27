// The notice with a link's share address and coordinator address, shown once when they are made
// (or a new coordinator link is), since the coordinator address cannot be read again later.
import { useEffect, useRef } from 'react';
import type { Translate } from '../../translator.ts';
import { UrlField } from './UrlField.tsx';

export interface NewLinks {
  org: string;
  share: string;
  coordinator: string;
}

export function CreatedLinks({ t, links, onClose }: { t: Translate; links: NewLinks; onClose: () => void }) {
  const ref = useRef<HTMLElement>(null);

  // Focus moves to the new links once, when they are made, not on every later re-render.
  useEffect(() => {
    ref.current?.focus();
  }, [links]);

  return (
    <section className="notice" aria-labelledby="created-heading" tabIndex={-1} ref={ref}>
      <h2 id="created-heading">{t('staffLinks:created.heading', { org: links.org })}</h2>
      <UrlField id="created-share" label={t('staffLinks:created.share')} copyLabel={t('staffLinks:actions.copy')} url={links.share} t={t} />
      <p className="notice notice-warning">{t('staffLinks:created.coordinatorWarning')}</p>
      <UrlField id="created-coordinator" label={t('staffLinks:created.coordinator')} copyLabel={t('staffLinks:actions.copyCoordinator')} url={links.coordinator} t={t} />
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('staffLinks:created.close')}
      </button>
    </section>
  );
}
