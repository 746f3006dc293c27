// The console's planner (/{lang}/staff/planner/?campaign=ID): a province administrator picks one of
// their campaigns (the newest running one by default), sets up machines, teams and places, and
// opens the plan (PlanView), whose code loads only then.
import type { PlannerAnswer } from '../../../domain/planner-store.ts';
import { useCallback, useRef, useState } from 'react';
import type { AdminCampaign } from '../../../domain/campaign-admin.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';
import { loadCampaigns } from '../campaigns/data.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { PlanView } from './PlanView.tsx';
import { SetupForm } from './SetupForm.tsx';
import { loadPlanner } from './store.ts';

export default function PlannerIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          {staff.role.role === 'province_admin' && staff.unit.level === 1 ? (
            <Campaigns locale={locale} t={t} province={staff.unit} />
          ) : (
            <p className="notice notice-warning">{t('planner:notAdmin')}</p>
          )}
        </>
      )}
    </StaffGate>
  );
}

/** The campaign in the address, else the newest running one, else the newest not over, else the newest. */
function chosenCampaign(campaigns: readonly AdminCampaign[], today: string): number | null {
  const asked = Number(new URLSearchParams(window.location.search).get('campaign'));
  if (campaigns.some((c) => c.id === asked)) return asked;
  const pick =
    campaigns.find((c) => c.starts_on <= today && today <= c.deadline) ?? campaigns.find((c) => today <= c.deadline) ?? campaigns[0];
  return pick?.id ?? null;
}

/** Keeps the campaign in the address, so a reload or a shared link opens the same plan. */
function keepInAddress(id: number) {
  const url = new URL(window.location.href);
  url.searchParams.set('campaign', String(id));
  window.history.replaceState(null, '', url);
}

function Campaigns({ locale, t, province }: { locale: Locale; t: Translate; province: StaffMember['unit'] }) {
  const [campaigns, setCampaigns] = useState<AdminCampaign[] | 'failed' | 'loading'>('loading');
  const [chosen, setChosen] = useState<number | null>(null);
  useRead(
    useCallback(() => loadCampaigns(province).catch(() => 'failed' as const), [province]),
    useCallback((read: AdminCampaign[] | 'failed') => {
      setCampaigns(read);
      if (read !== 'failed') setChosen(chosenCampaign(read, todayInVietnam()));
    }, []),
  );
  if (campaigns === 'loading') return <p role="status">{t('staff:loading')}</p>;
  if (campaigns === 'failed') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (chosen === null) return <p>{t('planner:noCampaign')}</p>;
  const name = (c: AdminCampaign) => (locale === 'vi' ? c.name_vi : c.name_en);
  return (
    <>
      <SelectField
        id="planner-campaign"
        label={t('planner:campaign')}
        value={String(chosen)}
        options={campaigns.map((c) => ({ value: String(c.id), label: `${name(c)} (${formatDate(locale, c.starts_on)} – ${formatDate(locale, c.deadline)})` }))}
        onValue={(value) => {
          keepInAddress(Number(value));
          setChosen(Number(value));
        }}
      />
      <CampaignPlanner key={chosen} locale={locale} t={t} campaignId={chosen} />
    </>
  );
}

type Read = { ok: true; answer: PlannerAnswer } | { ok: false; error: string } | 'loading';

function CampaignPlanner({ locale, t, campaignId }: { locale: Locale; t: Translate; campaignId: number }) {
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
  if (!read.ok) return <p className="notice notice-error" role="alert">{read.error}</p>;
  const { answer } = read;
  const { campaign } = answer;
  const open = setupOpen ?? (answer.machines.length === 0 || answer.teams.length === 0);
  return (
    <>
      <p>
        {t('planner:campaignDates', { from: formatDate(locale, campaign.starts_on), to: formatDate(locale, campaign.deadline) })}{' '}
        {t('planner:campaignQuota', { quota: formatNumber(locale, campaign.quota) })}
      </p>
      <details className="planner-setup-details" open={open} onToggle={(event) => setSetupOpen(event.currentTarget.open)}>
        <summary>{t('planner:setup.open', { machines: answer.machines.length, teams: answer.teams.length })}</summary>
        {setupSaved && (
          <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
            {t('planner:setup.saved')}
          </p>
        )}
        {/* Drawn again from the saved rows after a save: the ids the database gave are in the form. */}
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
      </details>
      <PlanView locale={locale} t={t} answer={answer} onChanged={refresh} />
    </>
  );
}
