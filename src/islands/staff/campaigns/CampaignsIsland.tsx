// The console's campaigns page (/{lang}/staff/campaigns/): a province administrator's campaigns of
// their province and unit set, the form that creates or edits one, and its unit quotas.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminCampaign } from '../../../domain/campaign-admin.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useRead } from '../../shared/use-read.ts';
import { Interpolated } from '../../shared/Interpolated.tsx';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { StaffGate } from '../StaffGate.tsx';
import { UnitName } from '../UnitName.tsx';
import type { StaffMember } from '../use-staff.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { loadCampaigns, loadQuotaUnits, type QuotaUnit } from './data.ts';
import { UnitQuotas } from './UnitQuotas.tsx';

export default function CampaignsIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff) =>
        staff.role.role === 'province_admin' && staff.unit.level === 1 ? (
          <Campaigns locale={locale} t={t} province={staff.unit} />
        ) : (
          <p className="notice notice-warning">{t('staffCampaigns:notAdmin')}</p>
        )
      }
    </StaffGate>
  );
}

type Read = { campaigns: AdminCampaign[]; units: QuotaUnit[] } | 'failed' | 'loading';
/** The form open: a new campaign (null) or the one with this id. */
type Open = { id: number | null } | null;

function Campaigns({ locale, t, province }: { locale: Locale; t: Translate; province: StaffMember['unit'] }) {
  const [read, setRead] = useState<Read>('loading');
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Once saved, the form is drawn again from the saved row: the notice takes the focus the save button had.
  const savedNotice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) savedNotice.current?.focus();
  }, [saved, open]);
  const refresh = useRead(
    useCallback(
      () =>
        Promise.all([loadCampaigns(province), loadQuotaUnits(province)]).then(
          ([campaigns, units]) => ({ campaigns, units }),
          () => 'failed' as const,
        ),
      [province],
    ),
    setRead,
  );
  if (read === 'loading') return <p role="status">{t('staff:loading')}</p>;
  if (read === 'failed') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  const name = (c: AdminCampaign) => (locale === 'vi' ? c.name_vi : c.name_en);
  const current = open?.id == null ? null : (read.campaigns.find((c) => c.id === open.id) ?? null);

  if (open) {
    return (
      <>
        {saved && (
          <p className="notice notice-success" role="status" tabIndex={-1} ref={savedNotice}>
            {t('staffCampaigns:form.saved', { name: saved })}
          </p>
        )}
        <CampaignForm
          key={open.id ?? 'new'}
          locale={locale}
          t={t}
          unitSet={province.unit_set}
          campaign={current}
          onSaved={async (id, slug) => {
            setSaved(slug);
            await refresh();
            setOpen({ id });
          }}
          onClose={() => setOpen(null)}
        />
        {current && <UnitQuotas key={current.id} locale={locale} t={t} campaign={current} units={read.units} />}
      </>
    );
  }

  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">
        <Interpolated t={t} name="staffCampaigns:list.heading" values={{ province: <UnitName locale={locale} unit={province} /> }} />
      </h2>
      <p>{t('staffCampaigns:list.unitSet', { set: t(`staffCampaigns:set.${province.unit_set}`) })}</p>
      <button type="button" className="button" onClick={() => (setSaved(null), setOpen({ id: null }))}>
        {t('staffCampaigns:list.new')}
      </button>
      {read.campaigns.length === 0 ? (
        <p>{t('staffCampaigns:list.empty')}</p>
      ) : (
        <ul className="staff-campaigns">
          {read.campaigns.map((c) => (
            <li key={c.id}>
              <h3>{name(c)}</h3>
              <p>
                {t('staffCampaigns:list.dates', { from: formatDate(locale, c.starts_on), to: formatDate(locale, c.deadline) })}
                <br />
                {t('staffCampaigns:list.quota', { quota: formatNumber(locale, c.quota) })}
              </p>
              <div className="staff-actions">
                <button type="button" className="button button-secondary" onClick={() => (setSaved(null), setOpen({ id: c.id }))}>
                  {t('staffCampaigns:list.edit', { name: name(c) })}
                </button>
                <a href={`${localizedPath(locale, 'progress')}?campaign=${encodeURIComponent(c.slug)}`}>{t('staffCampaigns:list.progress')}</a>
                <a href={localizedPath(locale, `staff/planner?campaign=${c.id}`)}>{t('planner:link.label')}</a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
