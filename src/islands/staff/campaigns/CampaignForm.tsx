// The form of a campaign, new or saved: names, quota, daily target, dates, source and the default
// shift plan; the unit set is the administrator's and the youngest age comes from the law.
import { useState } from 'react';
import { campaignPayload, campaignProblems, draftOf, emptyDraft, savedCampaignSchema, type AdminCampaign, type CampaignDraft } from '../../../domain/campaign-admin.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import { defaultShifts } from '../../../domain/staff-sessions.ts';
import type { Locale } from '../../../i18n/config.ts';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import { failureText, staffRpc } from '../calls.ts';

interface Props {
  locale: Locale;
  t: Translate;
  unitSet: string;
  /** The campaign edited, or null for a new one. */
  campaign: AdminCampaign | null;
  onSaved: (id: number, slug: string) => Promise<void>;
  onClose: () => void;
}

/** Most shifts a plan holds (the database takes 1 to 6). */
const maxShifts = 6;

export function CampaignForm({ locale, t, unitSet, campaign, onSaved, onClose }: Props) {
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftOf(campaign) : emptyDraft(defaultShifts(), todayInVietnam())));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const prefix = t('staff:form.errorPrefix');
  const errorOf = (field: string) => errors.find((e) => e.field === `campaign-${field}`)?.message;
  const set = (patch: Partial<CampaignDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setShift = (index: number, patch: Partial<CampaignDraft['shifts'][number]>) =>
    setDraft((d) => ({ ...d, shifts: d.shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const problems = campaignProblems(draft);
    setErrors(problems.map((p) => ({ field: `campaign-${p.field}`, message: t(p.key, p.values) })));
    if (problems.length) return;
    setBusy(true);
    const result = await staffRpc('staff_save_campaign', { p_campaign: campaignPayload(draft, unitSet) }, savedCampaignSchema);
    setBusy(false);
    if (!result.ok) {
      const field = 'refusal' in result && result.refusal.code === 'campaign_slug_taken' ? 'slug' : 'save';
      return setErrors([{ field: `campaign-${field}`, message: failureText(t, result) }]);
    }
    await onSaved(result.data.campaign_id, result.data.slug);
  }

  const heading = campaign ? t('staffCampaigns:form.headingEdit', { name: locale === 'vi' ? campaign.name_vi : campaign.name_en }) : t('staffCampaigns:form.headingNew');
  return (
    <form className="staff-form staff-campaign-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="campaign-heading">
      <h2 id="campaign-heading">{heading}</h2>
      <ErrorSummary title={t('staff:form.errorTitle')} errors={errors} />
      <p>{t('staffCampaigns:list.unitSet', { set: t(`staffCampaigns:set.${unitSet}`) })}</p>
      <TextField
        id="campaign-slug"
        label={t('staffCampaigns:form.slug')}
        hint={t('staffCampaigns:form.slugHint')}
        value={draft.slug}
        readOnly={campaign !== null}
        autoCapitalize="none"
        spellCheck={false}
        onValue={(slug) => set({ slug })}
        error={errorOf('slug')}
        errorPrefix={prefix}
      />
      <TextField id="campaign-name-vi" lang="vi" label={t('staffCampaigns:form.nameVi')} value={draft.nameVi} onValue={(nameVi) => set({ nameVi })} error={errorOf('name-vi')} errorPrefix={prefix} />
      <TextField id="campaign-name-en" lang="en" label={t('staffCampaigns:form.nameEn')} value={draft.nameEn} onValue={(nameEn) => set({ nameEn })} error={errorOf('name-en')} errorPrefix={prefix} />
      <TextField id="campaign-quota" inputMode="numeric" label={t('staffCampaigns:form.quota')} value={draft.quota} onValue={(quota) => set({ quota })} error={errorOf('quota')} errorPrefix={prefix} />
      <TextField id="campaign-daily-target" inputMode="numeric" label={t('staffCampaigns:form.dailyTarget')} value={draft.dailyTarget} onValue={(dailyTarget) => set({ dailyTarget })} error={errorOf('daily-target')} errorPrefix={prefix} />
      <TextField id="campaign-starts-on" type="date" label={t('staffCampaigns:form.startsOn')} value={draft.startsOn} onValue={(startsOn) => set({ startsOn })} error={errorOf('starts-on')} errorPrefix={prefix} />
      <TextField id="campaign-deadline" type="date" label={t('staffCampaigns:form.deadline')} value={draft.deadline} onValue={(deadline) => set({ deadline })} error={errorOf('deadline')} errorPrefix={prefix} />
      <TextField id="campaign-source" lang="vi" label={t('staffCampaigns:form.source')} hint={t('staffCampaigns:form.sourceHint')} value={draft.source} onValue={(source) => set({ source })} error={errorOf('source')} errorPrefix={prefix} />
      <p>{campaign ? t('staffCampaigns:form.minAge', { age: campaign.min_age }) : t('staffCampaigns:form.minAgeNew')}</p>

      <fieldset id="campaign-shifts" tabIndex={-1} aria-describedby="campaign-shifts-hint">
        <legend>{t('staffCampaigns:form.shifts')}</legend>
        <p className="hint" id="campaign-shifts-hint">{t('staffCampaigns:form.shiftsHint')}</p>
        {draft.shifts.map((shift, index) => (
          <fieldset key={index} className="staff-shift-plan-group">
            <legend>{t('staffCampaigns:form.shiftLegend', { number: index + 1 })}</legend>
            <div className="staff-shift-plan">
              <TextField id={`campaign-shift-${index}-start`} type="time" label={t('staffCampaigns:form.start')} value={shift.start} onValue={(start) => setShift(index, { start })} error={errorOf(`shift-${index}-start`)} errorPrefix={prefix} />
              <TextField id={`campaign-shift-${index}-end`} type="time" label={t('staffCampaigns:form.end')} value={shift.end} onValue={(end) => setShift(index, { end })} />
              <TextField id={`campaign-shift-${index}-capacity`} inputMode="numeric" label={t('staffCampaigns:form.capacity')} value={shift.capacity} onValue={(capacity) => setShift(index, { capacity })} error={errorOf(`shift-${index}-capacity`)} errorPrefix={prefix} />
            </div>
            {draft.shifts.length > 1 && (
              <button type="button" className="button button-secondary" onClick={() => set({ shifts: draft.shifts.filter((_, i) => i !== index) })}>
                {t('staffCampaigns:form.removeShift', { number: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {draft.shifts.length < maxShifts && (
          <button type="button" className="button button-secondary" onClick={() => set({ shifts: [...draft.shifts, { start: '', end: '', capacity: String(defaultShifts()[0]!.capacity) }] })}>
            {t('staffCampaigns:form.addShift')}
          </button>
        )}
      </fieldset>
      {errorOf('save') && (
        <p className="notice notice-error" id="campaign-save" role="alert">
          {errorOf('save')}
        </p>
      )}
      <div className="staff-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('staffCampaigns:form.saving') : t('staffCampaigns:form.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('staffCampaigns:form.close')}
        </button>
      </div>
    </form>
  );
}
