// The form that creates an account: email, name, role (those below the administrator's), unit of
// the role's level in the scope, and for a volunteer the site of that ward.
import { useCallback, useState } from 'react';
import { readNewAccount, type NewAccountDraft, type StaffAccountsAnswer } from '../../../domain/staff-accounts.ts';
import { unitName } from '../../../domain/unit-name.ts';
import type { Locale } from '../../../i18n/config.ts';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { errorsByField, fieldErrorsOf } from '../../shared/form-errors.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useRead } from '../../shared/use-read.ts';
import type { Translate } from '../../translator.ts';
import { accountsFailureText, callAccounts, loadSites, type Role, type ScopeUnit } from './data.ts';

interface Props {
  locale: Locale;
  t: Translate;
  roles: Role[];
  units: ScopeUnit[];
  onCreated: (answer: StaffAccountsAnswer, email: string) => void;
}

const emptyDraft: NewAccountDraft = { email: '', displayName: '', role: '', unitId: '', siteId: '' };

// The form's field ids, by the schema's field names.
const fieldIds: Record<string, string> = { email: 'account-email', displayName: 'account-name', role: 'account-role', unitId: 'account-unit', siteId: 'account-site' };

export function NewAccountForm({ locale, t, roles, units, onCreated }: Props) {
  const [draft, setDraft] = useState(emptyDraft);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [wardSites, setWardSites] = useState<{ wardId: string; sites: { id: number; name: string }[] }>();
  const role = roles.find((each) => each.role === draft.role);
  const siteBound = role?.site_bound ?? false;
  // A volunteer's ward: its sites, read when the ward is chosen (none shown until they arrive).
  const wardId = siteBound ? draft.unitId : '';
  useRead(
    useCallback(() => (wardId ? loadSites(Number(wardId)).then((sites) => ({ wardId, sites }), () => ({ wardId, sites: [] })) : Promise.resolve(undefined)), [wardId]),
    setWardSites,
  );
  const sites = wardId && wardSites?.wardId === wardId ? wardSites.sites : null;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const label = (unit: ScopeUnit) => unitName(unit, locale).text;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = readNewAccount(draft, siteBound);
    if (!checked.ok) return setErrors(fieldErrorsOf(checked.issues, (path) => fieldIds[String(path[0])] ?? 'account-email', t));
    setErrors([]);
    setSending(true);
    const result = await callAccounts({ action: 'create', account: checked.data });
    setSending(false);
    if (!result.ok) {
      const code = 'code' in result ? result.code : null;
      const field = code === 'role_misfit' || code === 'not_allowed' ? 'account-role' : 'account-email';
      return setErrors([{ field, message: accountsFailureText(t, result) }]);
    }
    setDraft(emptyDraft);
    onCreated(result.data, checked.data.email);
  }

  const byField = errorsByField(errors);
  const prefix = t('staffAccounts:form.errorPrefix');
  const unitOptions = role ? units.filter((unit) => unit.level === role.level) : [];
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t('staffAccounts:create.heading')}</h2>
      <p className="hint">{t('staffAccounts:create.lead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary title={t('staffAccounts:form.errorTitle')} errors={errors} />
        <TextField
          id="account-email"
          type="email"
          inputMode="email"
          autoComplete="off"
          label={t('staffAccounts:create.email')}
          error={byField['account-email']}
          errorPrefix={prefix}
          value={draft.email}
          onValue={(email) => setDraft({ ...draft, email })}
        />
        <TextField
          id="account-name"
          autoComplete="off"
          label={t('staffAccounts:create.name')}
          hint={t('staffAccounts:create.nameHint')}
          error={byField['account-name']}
          errorPrefix={prefix}
          value={draft.displayName}
          onValue={(displayName) => setDraft({ ...draft, displayName })}
        />
        <SelectField
          id="account-role"
          label={t('staffAccounts:create.role')}
          error={byField['account-role']}
          errorPrefix={prefix}
          value={draft.role}
          onValue={(chosen) => setDraft({ ...draft, role: chosen, unitId: '', siteId: '' })}
          options={[{ value: '', label: t('staffAccounts:create.roleChoose') }, ...roles.map((each) => ({ value: each.role, label: locale === 'vi' ? each.name_vi : each.name_en }))]}
        />
        <SelectField
          id="account-unit"
          label={t('staffAccounts:create.unit')}
          error={byField['account-unit']}
          errorPrefix={prefix}
          value={draft.unitId}
          disabled={!role}
          onValue={(unitId) => setDraft({ ...draft, unitId, siteId: '' })}
          options={[
            { value: '', label: t('staffAccounts:create.unitChoose') },
            ...unitOptions
              .map((unit) => {
                const parent = unit.parent_id === null ? undefined : byId.get(unit.parent_id);
                return { value: String(unit.id), label: parent ? t('staffAccounts:create.unitOption', { unit: label(unit), parent: label(parent) }) : label(unit), lang: unitName(unit, locale).lang };
              })
              .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
          ]}
        />
        {siteBound && draft.unitId && sites?.length === 0 && <p className="notice notice-warning">{t('staffAccounts:create.siteNone')}</p>}
        {siteBound && (
          <SelectField
            id="account-site"
            label={t('staffAccounts:create.site')}
            error={byField['account-site']}
            errorPrefix={prefix}
            value={draft.siteId}
            disabled={!sites?.length}
            onValue={(siteId) => setDraft({ ...draft, siteId })}
            options={[{ value: '', label: t('staffAccounts:create.siteChoose') }, ...(sites ?? []).map((site) => ({ value: String(site.id), label: site.name, lang: 'vi' }))]}
          />
        )}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('staffAccounts:create.sending') : t('staffAccounts:create.submit')}
        </button>
      </form>
    </section>
  );
}
