// The notice with a link's share address and coordinator address, shown once when they are made
// (or a new coordinator link is), since the coordinator address cannot be read again later.
import { useEffect, useRef } from 'react';
import type { Translate } from '../../translator.ts';
import { LinkBox } from './LinkBox.tsx';

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
      <LinkBox t={t} kind="public" id="created-share" org={links.org} url={links.share} />
      <LinkBox t={t} kind="private" id="created-coordinator" org={links.org} url={links.coordinator} />
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('staffLinks:created.close')}
      </button>
    </section>
  );
}
