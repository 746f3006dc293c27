// One campaign's planner: what staff_planner answers, the setup (its form loads when the fold is
// open) and the plan. Loaded once a province administrator's campaign is chosen.
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { PlannerAnswer } from '../../../domain/planner-store.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useRead } from '../../shared/use-read.ts';
import type { Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';
import { PlanView } from './PlanView.tsx';
import { loadPlanner } from './store.ts';

const SetupForm = lazy(() => import('./SetupForm.tsx').then(({ SetupForm }) => ({ default: SetupForm })));

type Read = { ok: true; answer: PlannerAnswer } | { ok: false; error: string } | 'loading';

export default function CampaignPlanner({ locale, t, campaignId }: { locale: Locale; t: Translate; campaignId: number }) {
  const [read, setRead] = useState<Read>('loading');
  const [setupSaved, setSetupSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // Open at first only while there is nothing to plan with; afterwards as the officer leaves it.
  const [setupOpen, setSetupOpen] = useState<boolean | null>(null);
  const refresh = useRead(
    useCallback(
      () => loadPlanner(campaignId).then((result): Read => (result.ok ? { ok: true, answer: result.data } : { ok: false, error: failureText(t, result) })),
      [campaignId, t],
    ),
    setRead,
  );
  if (read === 'loading') return <p role="status">{t('staff:loading')}</p>;
  if (!read.ok)
    return (
      <p className="notice notice-error" role="alert">
        {read.error}
      </p>
    );
  const { answer } = read;
  const { campaign } = answer;
  const open = setupOpen ?? (answer.machines.length === 0 || answer.teams.length === 0);
  return (
    <>
      <p>
        {t('planner:campaignDates', {
          from: formatDate(locale, campaign.starts_on),
          to: formatDate(locale, campaign.deadline),
        })}{' '}
        {t('planner:campaignQuota', {
          quota: formatNumber(locale, campaign.quota),
        })}
      </p>
      <details className="planner-setup-details" open={open} onToggle={(event) => setSetupOpen(event.currentTarget.open)}>
        <summary>
          {t('planner:setup.open', {
            machines: answer.machines.length,
            teams: answer.teams.length,
          })}
        </summary>
        {setupSaved && (
          <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
            {t('planner:setup.saved')}
          </p>
        )}
        {/* Drawn again from the saved rows after a save: the ids the database gave are in the form. */}
        {open && (
          <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
            <SetupForm
              key={JSON.stringify([answer.machines, answer.teams, answer.settings, answer.sites])}
              locale={locale}
              t={t}
              answer={answer}
              onSaved={async () => {
                await refresh();
                setSetupSaved(true);
                setTimeout(() => savedRef.current?.focus(), 0);
              }}
            />
          </Suspense>
        )}
      </details>
      <PlanView locale={locale} t={t} answer={answer} onChanged={refresh} />
    </>
  );
}
