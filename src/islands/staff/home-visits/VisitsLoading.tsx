// The home-visit list before it shows: loading, or the read failed, with a retry.
import type { RpcResult } from '../../../lib/public-api.ts';
import type { Translate } from '../../translator.ts';
import type { StaffHomeVisit } from './data.ts';

export function VisitsLoading({ t, result, load }: { t: Translate; result: RpcResult<StaffHomeVisit[]> | undefined; load: () => Promise<void> }) {
  if (!result) return <p role="status">{t('staffHomeVisits:loading')}</p>;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('staffHomeVisits:loadError')}</p>
      <button type="button" className="button button-secondary" onClick={() => void load()}>
        {t('staffHomeVisits:retry')}
      </button>
    </div>
  );
}
