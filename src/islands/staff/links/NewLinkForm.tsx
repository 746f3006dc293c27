// The form that makes a sign-up link for an organisation: session, organisation, places, closing
// day, and the coordinator's mobile when they agreed to messages about the session.
import { useState } from 'react';
import { addDays, todayInVietnam } from '../../../domain/dates.ts';
import { defaultClosingDay, organisationKinds } from '../../../domain/signup-link-basics.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate } from '../../../lib/format.ts';
import { Checkbox } from '../../shared/Checkbox.tsx';
import { Radios } from '../../shared/Choices.tsx';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../../shared/form-errors.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import type { StaffSession } from '../scope.ts';
import { call } from './data.ts';
import { failureText, networkFailure } from '../calls.ts';

interface CreateDraft {
  session_id: string;
  org_name: string;
  org_kind: string;
  places: string;
  closes_on: string;
  coordinator_phone: string;
  coordinator_agreed: boolean;
}

const emptyCreate: CreateDraft = { session_id: '', org_name: '', org_kind: '', places: '', closes_on: '', coordinator_phone: '', coordinator_agreed: false };

export function NewLinkForm({ locale, t, sessions, onCreated }: { locale: Locale; t: Translate; sessions: StaffSession[]; onCreated: (org: string, share: string, coordinator: string) => void }) {
  const [draft, setDraft] = useState<CreateDraft>(emptyCreate);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('staffLinks:errors.prefix');
  const session = sessions.find((each) => String(each.id) === draft.session_id);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    // The form's schema loads when it is first sent, not with the page.
    const schemas = await import('../../../domain/signup-links.ts').catch(() => null);
    if (!schemas) return setProblem(failureText(t, networkFailure));
    const { createdLinkSchema, signupLinkSchemaFor, toCreateLinkArgs } = schemas;
    const result = signupLinkSchemaFor(session?.session_date).safeParse({ ...draft, org_kind: draft.org_kind || undefined });
    if (!result.success) return setErrors(fieldErrorsOf(result.error.issues, (path) => String(path[0]), t));
    setErrors([]);
    setSending(true);
    const answer = await call(t, 'staff_create_signup_link', toCreateLinkArgs(result.data, locale), createdLinkSchema);
    setSending(false);
    if (!answer.ok) return setProblem(answer.text);
    setProblem(undefined);
    setDraft(emptyCreate);
    onCreated(result.data.org_name, answer.data.share_token, answer.data.coordinator_token);
  }

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t('staffLinks:create.heading')}</h2>
      <p className="hint">{t('staffLinks:create.lead')}</p>
      {sessions.length === 0 ? (
        <p>
          {t('staffLinks:session.none')} <a href={localizedPath(locale, 'staff/sessions')}>{t('staff:dashboard.sessions')}</a>
        </p>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary title={t('staffLinks:errors.title')} errors={errors} />
          <SelectField
            id="session_id"
            label={t('staffLinks:session.label')}
            error={fieldErrors.session_id}
            errorPrefix={prefix}
            value={draft.session_id}
            onValue={(session_id) => {
              const chosen = sessions.find((each) => String(each.id) === session_id);
              setDraft({ ...draft, session_id, closes_on: chosen ? defaultClosingDay(chosen.session_date) : draft.closes_on });
            }}
            options={[
              { value: '', label: t('staffLinks:session.choose') },
              ...sessions.map((each) => ({
                value: String(each.id),
                label: t('staffLinks:session.option', { date: formatDate(locale, each.session_date), site: each.site.name }) + (each.published ? '' : ` ${t('staffLinks:session.unpublished')}`),
              })),
            ]}
          />
          <TextField id="org_name" label={t('staffLinks:orgName.label')} error={fieldErrors.org_name} errorPrefix={prefix} value={draft.org_name} onValue={(org_name) => setDraft({ ...draft, org_name })} />
          <Radios
            id="org_kind"
            legend={t('staffLinks:orgKind.legend')}
            error={fieldErrors.org_kind}
            errorPrefix={prefix}
            chosen={draft.org_kind}
            onChange={(org_kind) => setDraft({ ...draft, org_kind })}
            options={organisationKinds.map((kind) => ({ value: kind, label: t(`staffLinks:kind.${kind}`) }))}
          />
          <TextField
            id="places"
            inputMode="numeric"
            label={t('staffLinks:places.label')}
            hint={t('staffLinks:places.hint')}
            error={fieldErrors.places}
            errorPrefix={prefix}
            value={draft.places}
            onValue={(places) => setDraft({ ...draft, places })}
          />
          <TextField
            id="closes_on"
            type="date"
            min={todayInVietnam()}
            max={session?.session_date ?? addDays(todayInVietnam(), 365)}
            label={t('staffLinks:closesOn.label')}
            error={fieldErrors.closes_on}
            errorPrefix={prefix}
            value={draft.closes_on}
            onValue={(closes_on) => setDraft({ ...draft, closes_on })}
          />
          <TextField
            id="coordinator_phone"
            type="tel"
            inputMode="tel"
            label={t('staffLinks:coordinator.phoneLabel')}
            hint={t('staffLinks:coordinator.phoneHint')}
            error={fieldErrors.coordinator_phone}
            errorPrefix={prefix}
            value={draft.coordinator_phone}
            onValue={(coordinator_phone) => setDraft({ ...draft, coordinator_phone })}
          />
          <Checkbox
            id="coordinator_agreed"
            label={t('staffLinks:coordinator.agreeLabel')}
            error={fieldErrors.coordinator_agreed}
            errorPrefix={prefix}
            checked={draft.coordinator_agreed}
            onChange={(coordinator_agreed) => setDraft({ ...draft, coordinator_agreed })}
          />
          <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('staffLinks:create.sending') : t('staffLinks:create.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
