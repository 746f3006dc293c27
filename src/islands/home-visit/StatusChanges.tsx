// While a home visit is not yet scheduled, the family may change the days that suit or cancel.
import { useState } from 'react';
import { refusalMessage } from '../../domain/errors.ts';
import { homeVisitViewSchema, preferencesSchema, rejectedFieldMessage, type HomeVisitView } from '../../domain/home-visit.ts';
import type { ManageLink } from '../../domain/manage-link.ts';
import { rpc, type RpcResult } from '../../lib/public-api.ts';
import { CheckedForm } from '../shared/CheckedForm.tsx';
import { Interpolated } from '../shared/Interpolated.tsx';
import { useForm } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';
import { PreferenceFields } from './PreferenceFields.tsx';

interface Props {
  t: Translate;
  link: ManageLink;
  view: HomeVisitView;
  onView: (view: HomeVisitView) => void;
  onCancelled: (view: HomeVisitView) => void;
}

export function StatusChanges({ t, link, view, onView, onCancelled }: Props) {
  const [days, setDays] = useState(view.preferred_days.map(String));
  const [periods, setPeriods] = useState<string[]>(view.preferred_periods);
  const form = useForm(t);
  const [saved, setSaved] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function call(run: () => Promise<RpcResult<HomeVisitView>>, after: 'saved' | 'cancelled') {
    setBusy(true);
    setProblem(undefined);
    const result = await run();
    setBusy(false);
    if (result.ok) {
      const next = result.data;
      if (after === 'cancelled') return onCancelled(next);
      setSaved(true);
      onView(next);
    } else if ('network' in result) setProblem(t('homeVisit:network.failed'));
    else {
      const rejected = rejectedFieldMessage(result.refusal, 'request');
      setProblem(rejected ? t(rejected) : t(refusalMessage(result.refusal).key, refusalMessage(result.refusal).values));
    }
  }

  function save() {
    const checked = form.check(preferencesSchema, { preferred_days: days, preferred_periods: periods }, (path) => String(path[0]));
    if (!checked) return;
    void call(
      () => rpc('change_home_visit', { p_code: link.code, p_token: link.token, p_preferred_days: checked.preferred_days, p_preferred_periods: checked.preferred_periods }, homeVisitViewSchema),
      'saved',
    );
  }

  return (
    <>
      <section aria-labelledby="change-heading">
        <h2 id="change-heading">{t('homeVisit:change.heading')}</h2>
        <CheckedForm form={form} title={t('common:form.errorTitle')} onSubmit={save}>
          <PreferenceFields t={t} days={days} chosenPeriods={periods} form={form}
            onChange={(change) => {
              if (change.days) setDays(change.days);
              if (change.periods) setPeriods(change.periods);
            }} />
          <button type="submit" className="button" disabled={busy}>
            {t('homeVisit:change.submit')}
          </button>
        </CheckedForm>
      </section>
      <div aria-live="polite">
        {saved && <p className="notice">{t('homeVisit:change.saved')}</p>}
        {problem && <p className="notice notice-error">{problem}</p>}
      </div>
      <section aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t('homeVisit:cancel.heading')}</h2>
        <p>{t('homeVisit:cancel.lead')}</p>
        {asking ? (
          <div className="notice notice-warning">
            <p>
              {/* The name is Vietnamese on either page (redundant, and harmless, on /vi). */}
              <Interpolated t={t} name="homeVisit:cancel.question" values={{ name: <span lang="vi">{view.full_name ?? ''}</span> }} />
            </p>
            <div className="button-row">
              <button type="button" className="button button-danger" disabled={busy}
                onClick={() => void call(() => rpc('cancel_home_visit', { p_code: link.code, p_token: link.token }, homeVisitViewSchema), 'cancelled')}>
                {t('homeVisit:cancel.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
                {t('homeVisit:cancel.keep')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
            {t('homeVisit:cancel.submit')}
          </button>
        )}
      </section>
    </>
  );
}
