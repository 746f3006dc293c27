// "Use my location": the button, what happened when the phone was asked, and a way to forget it.
import type { Translate } from '../translator.ts';

export type Geo = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout' | 'outside';

interface Props {
  t: Translate;
  /** The button's id, where a filter problem about the location is shown. */
  id: string;
  geo: Geo;
  located: boolean;
  onLocate: () => void;
  onForget: () => void;
}

const geoMessage = {
  denied: 'schedules:location.denied',
  unavailable: 'schedules:location.unavailable',
  timeout: 'schedules:location.timeout',
} as const;

export function LocationSearch({ t, id, geo, located, onLocate, onForget }: Props) {
  return (
    <div className="location">
      <button type="button" id={id} className="button button-secondary" aria-describedby={`${id}-hint`} onClick={onLocate}>
        {t('schedules:location.use')}
      </button>
      <p id={`${id}-hint`} className="hint">
        {t('schedules:location.hint')}
      </p>
      <div role="status">
        {geo === 'locating' && <p>{t('schedules:location.locating')}</p>}
        {(geo === 'denied' || geo === 'unavailable' || geo === 'timeout') && <p className="notice">{t(geoMessage[geo])}</p>}
        {geo === 'outside' && <p className="notice">{t('booking:search.location')}</p>}
        {located && <p>{t('schedules:location.found')}</p>}
      </div>
      {located && (
        <button type="button" className="button button-link" onClick={onForget}>
          {t('schedules:location.forget')}
        </button>
      )}
    </div>
  );
}
