// The request for a session on an organisation's premises: checked with the shared schema, sent to
// request_organisation_session, which the officers of the ward's scope read in the console.
import { useState } from 'react';
import { errorMessageKey, networkErrorKey } from '../../domain/errors.ts';
import { organisationKinds, organisationRequestAnswerSchema, organisationRequestSchema, toOrganisationRequestArgs } from '../../domain/signup-links.ts';
import type { Locale } from '../../i18n/config.ts';
import { rpc } from '../../lib/public-api.ts';
import { UnitPickers, type AreaCodes } from '../schedules/UnitPickers.tsx';
import { ErrorSummary, InlineError, describedBy, type FieldError } from '../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { TextField } from '../shared/TextField.tsx';
import { createTranslator, type Messages } from '../translator.ts';

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

/** The input an error is shown at: the ward picker for the ward, the first radio for the kind. */
const fieldId = (field: string) => (field === 'ward' ? 'schedules-ward' : field === 'kind' ? 'kind-school' : field);

export default function RequestIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('organisations:errors.prefix');
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const text = (key: Exclude<keyof Draft, 'area' | 'kind'>, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={key} label={label} error={fieldErrors[key]} errorPrefix={prefix} value={draft[key]} onValue={set(key)} {...extra} />
  );

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const result = organisationRequestSchema.safeParse({ ...draft, ward: draft.area.ward, kind: draft.kind || undefined });
    if (!result.success) return setErrors(fieldErrorsOf(result.error.issues, (path) => fieldId(String(path[0])), t));
    setErrors([]);
    setProblem(undefined);
    setSending(true);
    const answer = await rpc('request_organisation_session', toOrganisationRequestArgs(result.data), organisationRequestAnswerSchema);
    setSending(false);
    if (answer.ok) {
      setSentTo(result.data.contact_phone);
      return;
    }
    if ('network' in answer) return setProblem(t(networkErrorKey));
    const refusal = answer.refusal;
    const field = typeof refusal.details.field === 'string' ? refusal.details.field : undefined;
    if (refusal.code === 'invalid_phone') setErrors([{ field: 'contact_phone', message: t('organisations:contactPhone.invalid') }]);
    else if (field && fieldMessages[field]) setErrors([{ field: fieldId(field), message: t(fieldMessages[field]) }]);
    else setProblem(t(errorMessageKey(refusal.code)));
  }

  if (sentTo) {
    return (
      <div className="notice" role="status">
        <h3>{t('organisations:done.heading')}</h3>
        <p>{t('organisations:done.body', { phone: sentTo })}</p>
        <button type="button" className="button button-secondary" onClick={() => (setDraft(emptyDraft), setSentTo(undefined))}>
          {t('organisations:done.another')}
        </button>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('organisations:errors.title')} errors={errors} />

      <fieldset className={`field${fieldErrors['kind-school'] ? ' field-invalid' : ''}`} aria-describedby={describedBy('kind-school', false, fieldErrors['kind-school'])}>
        <legend>{t('organisations:kind.legend')}</legend>
        <InlineError id="kind-school" prefix={prefix} message={fieldErrors['kind-school']} />
        <div className="radios">
          {organisationKinds.map((kind) => (
            <div className="radio" key={kind}>
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind')(kind)} />
              <label htmlFor={`kind-${kind}`}>{t(`organisations:kind.${kind}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      {text('name', t('organisations:name.label'), { hint: t('organisations:name.hint'), autoComplete: 'organization' })}

      <fieldset className={`field${fieldErrors['schedules-ward'] ? ' field-invalid' : ''}`}>
        <legend>{t('organisations:ward.legend')}</legend>
        <p className="hint">{t('organisations:ward.hint')}</p>
        <InlineError id="schedules-ward" prefix={prefix} message={fieldErrors['schedules-ward']} />
        <UnitPickers value={draft.area} onChange={set('area')} t={t} />
      </fieldset>

      {text('address', t('organisations:address.label'), { hint: t('organisations:address.hint'), autoComplete: 'street-address' })}
      {text('expected_people', t('organisations:people.label'), { hint: t('organisations:people.hint'), inputMode: 'numeric' })}

      <fieldset className="field">
        <legend>{t('organisations:dates.legend')}</legend>
        <p className="hint">{t('organisations:dates.hint')}</p>
        {text('preferred_from', t('organisations:dates.fromLabel'), { type: 'date' })}
        {text('preferred_to', t('organisations:dates.toLabel'), { type: 'date', min: draft.preferred_from || undefined })}
      </fieldset>

      <h3>{t('organisations:contact.heading')}</h3>
      {text('contact_name', t('organisations:contactName.label'), { autoComplete: 'name' })}
      {text('contact_phone', t('organisations:contactPhone.label'), { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
      {text('contact_email', t('organisations:contactEmail.label'), { type: 'email', autoComplete: 'email' })}

      <div className={`field${fieldErrors.notes ? ' field-invalid' : ''}`}>
        <label htmlFor="notes">{t('organisations:notes.label')}</label>
        <p className="hint" id="notes-hint">
          {t('organisations:notes.hint')}
        </p>
        <InlineError id="notes" prefix={prefix} message={fieldErrors.notes} />
        <textarea id="notes" rows={3} value={draft.notes} onChange={(event) => set('notes')(event.currentTarget.value)} aria-describedby={describedBy('notes', true, fieldErrors.notes)} />
      </div>

      <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('organisations:form.sending') : t('organisations:form.submit')}
      </button>
    </form>
  );
}
