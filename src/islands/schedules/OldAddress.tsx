// "Only know your old address?", folded: the lookup (its form, answer schema and list) is fetched
// the first time the reader opens it, as the map is, so the page does not pay for it up front.
// Open from the start when it has a code to look up (a link's unit the campaign does not have).
import { useState, type SyntheticEvent } from 'react';
import type { OldAddressLookup, Props } from './OldAddressLookup.tsx';

type Loaded = typeof OldAddressLookup | 'loading' | 'error' | null;

export function OldAddress(props: Props) {
  const { t } = props;
  const [Lookup, setLookup] = useState<Loaded>(null);
  // Only its first render decides: closing it later is the reader's choice.
  const [openAtFirst] = useState(props.prefill !== undefined);

  function toggle(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || (Lookup !== null && Lookup !== 'error')) return;
    setLookup('loading');
    import('./OldAddressLookup.tsx').then(
      (module) => setLookup(() => module.OldAddressLookup),
      () => setLookup('error'),
    );
  }

  return (
    <details className="old-address" open={openAtFirst} onToggle={toggle}>
      <summary>{t('schedules:oldAddress.heading')}</summary>
      {Lookup === 'loading' && <p role="status">{t('schedules:oldAddress.loading')}</p>}
      {Lookup === 'error' && <p className="notice notice-error">{t('errors:network')}</p>}
      {typeof Lookup === 'function' && <Lookup {...props} />}
    </details>
  );
}
