// The console's planner (/{lang}/staff/planner/?campaign=ID): a province administrator picks one of
// their campaigns (the newest running one by default), sets up machines, teams and places, and
// opens the plan (PlanView), whose code loads only then.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { AdminCampaign } from '../../../domain/campaign-admin.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate } from '../../../lib/format.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadCampaigns } from '../campaigns/data.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';

// A campaign's planner (its reads and schemas, the setup, the plan) loads once an administrator's campaign is chosen.
const CampaignPlanner = lazy(() => import('./CampaignPlanner.tsx'));

export default function PlannerIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  // One translator for the page's life: the reads below depend on it.
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
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
      <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
        <CampaignPlanner key={chosen} locale={locale} t={t} campaignId={chosen} />
      </Suspense>
    </>
  );
}

