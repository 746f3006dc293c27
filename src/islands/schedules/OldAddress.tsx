// "Only know your old address?", folded: the lookup (its form, answer schema and list) is fetched
// the first time the reader opens it, as the map is, so the page does not pay for it up front.
import { useState, type SyntheticEvent } from 'react';
import type { OldAddressLookup, Props } from './OldAddressLookup.tsx';

type Loaded = typeof OldAddressLookup | 'loading' | 'error' | null;

export function OldAddress(props: Props) {
  const { t } = props;
  const [Lookup, setLookup] = useState<Loaded>(null);

  function toggle(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || (Lookup !== null && Lookup !== 'error')) return;
    setLookup('loading');
    import('./OldAddressLookup.tsx').then(
      (module) => setLookup(() => module.OldAddressLookup),
      () => setLookup('error'),
    );
  }

  return (
    <details className="old-address" onToggle={toggle}>
      <summary>{t('schedules:oldAddress.heading')}</summary>
      {Lookup === 'loading' && <p role="status">{t('schedules:oldAddress.loading')}</p>}
      {Lookup === 'error' && <p className="notice notice-error">{t('errors:network')}</p>}
      {typeof Lookup === 'function' && <Lookup {...props} />}
    </details>
  );
}
