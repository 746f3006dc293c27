// "I'm at the house now": the phone's location, asked for only when the requester presses the
// button, and removable. The button carries the field's id, where an error summary link lands.
import { useState } from 'react';
import { Fieldset } from '../shared/Fieldset.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  t: Translate;
  id: string;
  error: string | undefined;
  errorPrefix: string;
  lat: number | null;
  lng: number | null;
  onChange: (lat: number | null, lng: number | null) => void;
}

export function LocationField({ t, id, error, errorPrefix, lat, lng, onChange }: Props) {
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  function locate() {
    if (!('geolocation' in navigator)) return setState('failed');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        onChange(position.coords.latitude, position.coords.longitude);
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  }
  return (
    <Fieldset id={id} legend={t('homeVisit:location.legend')} hint={t('homeVisit:location.hint')} error={error} errorPrefix={errorPrefix}>
      <div aria-live="polite">
        {state === 'locating' && <p>{t('homeVisit:location.locating')}</p>}
        {state === 'failed' && <p className="notice">{t('homeVisit:location.failed')}</p>}
        {lat !== null && lng !== null && <p>{t('homeVisit:location.saved', { lat: lat.toFixed(5), lng: lng.toFixed(5) })}</p>}
      </div>
      {lat !== null ? (
        <button type="button" id={id} className="button button-secondary" onClick={() => onChange(null, null)}>
          {t('homeVisit:location.remove')}
        </button>
      ) : (
        <button type="button" id={id} className="button button-secondary" disabled={state === 'locating'} onClick={locate}>
          {t('homeVisit:location.use')}
        </button>
      )}
    </Fieldset>
  );
}
