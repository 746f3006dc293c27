// The form that creates a session as a draft: a site of the scope (or a new one), the date, and
// the campaign's default shift plan with its places, saved by one call of staff_create_session.
import { useState } from 'react';
import { safeParse } from 'zod/mini';
import { isIsoDate } from '../../domain/dates.ts';
import { campaignFor } from '../../domain/campaign-dates.ts';
import {
  checkSite,
  defaultShifts,
  draftProblems,
  draftShifts,
  firstFullNoticeDate,
  shiftPlanSchema,
  shortNotice,
  type SessionDraft,
} from '../../domain/staff-sessions.ts';
import { createdSessionSchema } from '../../domain/staff-writes.ts';
import type { Locale } from '../../i18n/config.ts';
import { Radios } from '../shared/Choices.tsx';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { vietnameseData } from '../shared/Interpolated.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';
import { staffRpc } from './calls.ts';
import type { Campaign, Site, Ward } from './scope.ts';
import { FormButtons, SiteFields } from './SiteFields.tsx';

interface Props {
  locale: Locale;
  t: Translate;
  today: string;
  wards: Ward[];
  /** The officer's unit set. */
  unitSet: string;
  sites: Site[];
  campaigns: Campaign[];
  onSiteAdded: () => Promise<void>;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

/** The form's shift rows from a campaign's default shift plan (the seeds' three shifts without one). */
function shiftRows(campaign: Campaign | null): SessionDraft['shifts'] {
  const plan = campaign ? safeParse(shiftPlanSchema, campaign.shift_plan) : null;
  return (plan?.success ? plan.data : defaultShifts()).map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) }));
}

export function CreateSession({ locale, t, today, wards, unitSet, sites, campaigns, onSiteAdded, onSaved, onClose }: Props) {
  const [draft, setDraft] = useState<SessionDraft>(() => ({
    siteChoice: sites.length ? 'existing' : 'new',
    siteId: '',
    site: { name: '', kind: '', address: '', wardId: wards.length === 1 ? String(wards[0]!.id) : '', lat: '', lng: '', accessNotes: '' },
    date: firstFullNoticeDate(today),
    shifts: shiftRows(campaignFor(campaigns, firstFullNoticeDate(today))),
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const campaign = campaignFor(campaigns, draft.date);
  const prefix = t('staff:form.errorPrefix');
  const errorOf = (field: string) => errors.find((e) => e.field === `new-${field}`)?.message;
  const setSite = (patch: Partial<SessionDraft['site']>) => setDraft((d) => ({ ...d, site: { ...d.site, ...patch } }));
  const setShift = (index: number, patch: Partial<SessionDraft['shifts'][number]>) =>
    setDraft((d) => ({ ...d, shifts: d.shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const fail = (field: string, message: string) => setErrors([{ field: `new-${field}`, message }]);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!campaign) return;
    const wardIds = wards.map((w) => w.id);
    const problems = draftProblems(draft, today, wardIds);
    setErrors(problems.map((p) => ({ field: `new-${p.field}`, message: t(`staff:${p.key}`, p.values) })));
    if (problems.length) return;
    // draftProblems found nothing wrong, so a new site always checks out here.
    const checked = draft.siteChoice === 'new' ? checkSite(draft.site, wardIds) : null;
    if (checked && !('row' in checked)) return;
    setBusy(true);
    // One call: the new site, the session and its shifts are saved together or not at all.
    const result = await staffRpc(
      'staff_create_session',
      {
        p_campaign_id: campaign.id,
        p_date: draft.date,
        p_shifts: draftShifts(draft),
        ...(checked ? { p_new_site: checked.row } : { p_site_id: Number(draft.siteId) }),
      },
      createdSessionSchema,
    );
    setBusy(false);
    if (!result.ok) {
      const duplicate = 'refusal' in result && result.refusal.code === 'session_exists';
      return fail('date', t(duplicate ? 'staff:create.duplicate' : 'staff:loadError'));
    }
    if (checked) await onSiteAdded();
    await onSaved();
  }

  if (!campaign) return <p className="notice notice-warning">{t('staff:create.noCampaign')}</p>;
  const notice = isIsoDate(draft.date) ? shortNotice(draft.date, today) : null;
  return (
    <form className="staff-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-heading">
      <h2 id="create-heading">{t('staff:create.heading')}</h2>
      <p>{t('staff:create.campaign', { name: locale === 'vi' ? campaign.name_vi : campaign.name_en })}</p>
      <ErrorSummary title={t('staff:form.errorTitle')} errors={errors} />

      <Radios
        id="site-choice"
        legend={t('staff:create.site')}
        chosen={draft.siteChoice}
        onChange={(siteChoice) => setDraft((d) => ({ ...d, siteChoice }))}
        options={[
          { value: 'existing', label: t('staff:create.existingSite') },
          { value: 'new', label: t('staff:create.newSite') },
        ]}
      />

      {draft.siteChoice === 'existing' ? (
        sites.length === 0 ? (
          <p className="notice" id="new-site">{t('staff:create.noSites')}</p>
        ) : (
          <SelectField
            id="new-site"
            label={t('staff:create.siteSelect')}
            error={errorOf('site')}
            errorPrefix={prefix}
            value={draft.siteId}
            onValue={(siteId) => setDraft((d) => ({ ...d, siteId }))}
            options={[{ value: '', label: t('staff:create.siteChoose') }, ...sites.map((site) => ({ value: String(site.id), label: `${site.name} — ${site.address}`, lang: vietnameseData(locale) }))]}
          />
        )
      ) : (
        <SiteFields t={t} idPrefix="new-site" site={draft.site} wards={wards} unitSet={unitSet} onChange={setSite} errorOf={(field) => errorOf(`site-${field}`)} />
      )}

      <TextField
        id="new-date"
        type="date"
        min={today}
        label={t('staff:create.date')}
        hint={t('staff:create.dateHint')}
        value={draft.date}
        onValue={(date) =>
          setDraft((d) => {
            // A date in another campaign starts from that campaign's shift plan.
            const next = campaignFor(campaigns, date);
            return { ...d, date, shifts: next && next.id !== campaignFor(campaigns, d.date)?.id ? shiftRows(next) : d.shifts };
          })
        }
        error={errorOf('date')}
        errorPrefix={prefix}
      />
      {notice !== null && notice >= 0 && <p className="notice notice-warning">{t('staff:session.shortNotice', { count: notice })}</p>}

      <fieldset>
        <legend>{t('staff:create.shifts')}</legend>
        {draft.shifts.map((shift, index) => (
          <fieldset key={index} className="staff-shift-plan-group">
            <legend>{t('staff:create.shiftLegend', { number: index + 1 })}</legend>
            <div className="staff-shift-plan">
              <TextField id={`new-shift-${index}-start`} type="time" label={t('staff:create.start')} value={shift.start} onValue={(start) => setShift(index, { start })} error={errorOf(`shift-${index}-start`)} errorPrefix={prefix} />
              <TextField id={`new-shift-${index}-end`} type="time" label={t('staff:create.end')} value={shift.end} onValue={(end) => setShift(index, { end })} error={errorOf(`shift-${index}-end`)} errorPrefix={prefix} />
              <TextField id={`new-shift-${index}-capacity`} type="number" inputMode="numeric" min={1} max={5000} label={t('staff:create.capacity')} value={shift.capacity} onValue={(capacity) => setShift(index, { capacity })} error={errorOf(`shift-${index}-capacity`)} errorPrefix={prefix} />
            </div>
          </fieldset>
        ))}
      </fieldset>

      <FormButtons t={t} busy={busy} saveLabel={t('staff:create.save')} onClose={onClose} />
    </form>
  );
}
