// The request for a session on an organisation's premises: checked with the shared schema, sent to
// request_organisation_session for the page's campaign (src/lib/page-campaign.ts), whose units the
// pickers offer, which the officers of the ward's scope read in the console.
import { useEffect, useState } from 'react';
import { errorMessageKey, networkErrorKey } from '../../domain/errors.ts';
import { organisationKinds, organisationRequestAnswerSchema, organisationRequestSchema, toOrganisationRequestArgs } from '../../domain/signup-links.ts';
import { rpc } from '../../lib/public-api.ts';
import type { CampaignFormProps } from '../campaign/campaign-form-props.ts';
import { CampaignPanel } from '../campaign/CampaignPanel.tsx';
import { usePageCampaign } from '../campaign/use-page-campaign.ts';
import { hasDistricts } from '../schedules/units.ts';
import { pickerToAct, UnitPickers, type AreaCodes } from '../schedules/UnitPickers.tsx';
import { Radios } from '../shared/Choices.tsx';
import { CheckedForm } from '../shared/CheckedForm.tsx';
import { ConsentFields } from '../shared/ConsentFields.tsx';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { Field } from '../shared/Field.tsx';
import { Fieldset } from '../shared/Fieldset.tsx';
import { TextField } from '../shared/TextField.tsx';
import { useForm } from '../shared/use-form.ts';
import { createTranslator } from '../translator.ts';

interface Draft {
  kind: string;
  name: string;
  area: AreaCodes;
  address: string;
  expected_people: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  preferred_from: string;
  preferred_to: string;
  notes: string;
  /** The id of the consent text agreed to, '' until the box is ticked. */
  consent: string;
}

const emptyDraft: Draft = {
  kind: '',
  name: '',
  area: { province: '', district: '', ward: '' },
  address: '',
  expected_people: '',
  contact_name: '',
  contact_phone: '',
  contact_email: '',
  preferred_from: '',
  preferred_to: '',
  notes: '',
  consent: '',
};

/** What to say when the database refuses a field the form let through (a date that turned past at midnight). */
const fieldMessages: Record<string, string> = {
  kind: 'organisations:kind.required',
  name: 'organisations:name.required',
  ward: 'organisations:ward.required',
  address: 'organisations:address.required',
  expected_people: 'organisations:people.invalid',
  contact_name: 'organisations:contactName.required',
  contact_email: 'organisations:contactEmail.invalid',
  preferred_from: 'organisations:dates.from',
  preferred_to: 'organisations:dates.to',
  notes: 'organisations:notes.tooLong',
};

/** The input an error is shown at: for the ward, the picker to act on in `area`. */
const fieldId = (field: string, area: AreaCodes, unitSet: string) => (field === 'ward' ? pickerToAct('schedules', area, unitSet) : field);

export default function RequestIsland({ locale, messages, consent, campaigns, children }: CampaignFormProps) {
  const t = createTranslator(locale, messages);
  const page = usePageCampaign(campaigns);
  const campaign = page.status === 'chosen' ? page.campaign : null;
  const unitSet = campaign?.unit_set ?? '2021';
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const form = useForm(t);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const text = (key: Exclude<keyof Draft, 'area' | 'kind' | 'consent'>, label: string, extra: Record<string, unknown> = {}) => (
    <TextField {...form.field(key)} label={label} value={draft[key]} onValue={set(key)} {...extra} />
  );

  // The province is the campaign's (again after "another request" empties the form).
  const province = campaign?.province.code;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the campaign is known only once the page runs in the browser (src/lib/page-campaign.ts)
    if (province && draft.area.province !== province) setDraft((current) => ({ ...current, area: { province, district: '', ward: '' } }));
  }, [province, draft.area.province]);

  async function submit() {
    if (!campaign) return;
    const request = form.check(
      organisationRequestSchema,
      { ...draft, ward: draft.area.ward, kind: draft.kind || undefined, campaign: campaign.slug },
      (path) => fieldId(String(path[0]), draft.area, unitSet),
    );
    if (!request) return;
    setProblem(undefined);
    setSending(true);
    const answer = await rpc('request_organisation_session', toOrganisationRequestArgs(request), organisationRequestAnswerSchema);
    setSending(false);
    if (answer.ok) {
      setSentTo(request.contact_phone);
      return;
    }
    if ('network' in answer) return setProblem(t(networkErrorKey));
    const refusal = answer.refusal;
    const field = typeof refusal.details.field === 'string' ? refusal.details.field : undefined;
    if (refusal.code === 'invalid_phone') form.showAt('contact_phone', t('organisations:contactPhone.invalid'));
    else if (refusal.code === 'consent_required' || refusal.code === 'consent_outdated') form.showAt('consent', t(errorMessageKey(refusal.code)));
    else if (field && fieldMessages[field]) form.showAt(fieldId(field, draft.area, unitSet), t(refusal.code === 'invalid_argument' ? fieldMessages[field] : errorMessageKey(refusal.code)));
    else setProblem(t(errorMessageKey(refusal.code)));
  }

  if (sentTo) {
    return (
      <div className="notice" role="status">
        <h3 tabIndex={-1} ref={focusWhenShown}>
          {t('organisations:done.heading')}
        </h3>
        <p>{t('organisations:done.body', { phone: sentTo })}</p>
        <button type="button" className="button button-secondary" onClick={() => (setDraft(emptyDraft), setSentTo(undefined))}>
          {t('organisations:done.another')}
        </button>
      </div>
    );
  }

  const chooser = (
    <CampaignPanel locale={locale} t={t} state={page} heading="h3">
      {children}
    </CampaignPanel>
  );
  if (!campaign) return chooser;

  return (
    <>
      {chooser}
      <CheckedForm form={form} title={t('common:form.errorTitle')} onSubmit={submit}>
        <Radios {...form.field('kind')} legend={t('organisations:kind.legend')} options={organisationKinds.map((kind) => ({ value: kind, label: t(`organisations:kind.${kind}`) }))}
          chosen={draft.kind} onChange={set('kind')} />

        {text('name', t('organisations:name.label'), { hint: t('organisations:name.hint'), autoComplete: 'organization' })}

        <Fieldset id="organisation-area" legend={t('organisations:ward.legend')} hint={t(hasDistricts(unitSet) ? 'organisations:ward.hint' : 'organisations:ward.hintCommune')}>
          <UnitPickers
            locale={locale}
            scope={{ unitSet, provinceCode: campaign.province.code }}
            value={draft.area}
            onChange={set('area')}
            t={t}
            errorOf={form.errorOf}
          />
        </Fieldset>

        {text('address', t('organisations:address.label'), { hint: t('organisations:address.hint'), autoComplete: 'street-address' })}
        {text('expected_people', t('organisations:people.label'), { hint: t('organisations:people.hint'), inputMode: 'numeric' })}

        <Fieldset id="preferred-dates" legend={t('organisations:dates.legend')} hint={t('organisations:dates.hint')}>
          {text('preferred_from', t('organisations:dates.fromLabel'), { type: 'date' })}
          {text('preferred_to', t('organisations:dates.toLabel'), { type: 'date', min: draft.preferred_from || undefined })}
        </Fieldset>

        <h3>{t('organisations:contact.heading')}</h3>
        {text('contact_name', t('organisations:contactName.label'), { autoComplete: 'name' })}
        {text('contact_phone', t('organisations:contactPhone.label'), { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
        {text('contact_email', t('organisations:contactEmail.label'), { type: 'email', autoComplete: 'email' })}

        <Field {...form.field('notes')} label={t('organisations:notes.label')} hint={t('organisations:notes.hint')}>
          {(control) => <textarea {...control} rows={3} value={draft.notes} onChange={(event) => set('notes')(event.currentTarget.value)} />}
        </Field>

        <h3>{t('organisations:consent.heading')}</h3>
        <ConsentFields t={t} form={form} kind="organisations" texts={consent} label={t('organisations:consent.label')} value={draft.consent} onChange={set('consent')} />

        <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('organisations:form.sending') : t('organisations:form.submit')}
        </button>
      </CheckedForm>
    </>
  );
}
