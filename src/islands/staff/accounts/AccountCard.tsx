// One account of the administrator's scope: its role, unit and status, and the actions on it
// (deactivate or reactivate, reset the password), each confirmed first.
import { useState } from 'react';
import type { StaffAccountsRequest } from '../../../domain/staff-accounts-request.ts';
import type { StaffAccountRow, StaffAccountsAnswer } from '../../../domain/staff-accounts.ts';
import type { Locale } from '../../../i18n/config.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import { ConfirmChange } from '../ConfirmChange.tsx';
import { UnitName } from '../UnitName.tsx';
import { accountsFailureText, callAccounts, type Role, type ScopeUnit } from './data.ts';

interface Props {
  locale: Locale;
  t: Translate;
  account: StaffAccountRow;
  role: Role | undefined;
  unit: ScopeUnit | undefined;
  onDone: (answer: StaffAccountsAnswer) => void;
}

type Asking = 'deactivate' | 'reset' | null;

export function AccountCard({ locale, t, account, role, unit, onDone }: Props) {
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const name = account.display_name;

  async function run(request: StaffAccountsRequest, done: (answer: StaffAccountsAnswer) => string | null) {
    setBusy(true);
    const result = await callAccounts(request);
    setBusy(false);
    setAsking(null);
    if (!result.ok) return setMessage({ text: accountsFailureText(t, result), error: true });
    const text = done(result.data);
    setMessage(text ? { text, error: false } : undefined);
    onDone(result.data);
  }

  const setActive = (active: boolean) =>
    run({ action: 'set-active', userId: account.user_id, active }, () => t(active ? 'staffAccounts:action.reactivated' : 'staffAccounts:action.deactivated', { name }));

  return (
    <li className="account-card">
      <h3 lang={vietnameseData(locale)}>{name}</h3>
      <dl className="summary-list">
        <div>
          <dt>{t('staffAccounts:list.role')}</dt>
          <dd>{role ? (locale === 'vi' ? role.name_vi : role.name_en) : account.role}</dd>
        </div>
        <div>
          <dt>{t('staffAccounts:list.unit')}</dt>
          <dd>{unit ? <UnitName locale={locale} unit={unit} /> : account.unit_id}</dd>
        </div>
        <div>
          <dt>{t('staffAccounts:list.status')}</dt>
          <dd>
            {t(account.active ? 'staffAccounts:status.active' : 'staffAccounts:status.inactive')}
            {account.active && account.must_change_password && <> · {t('staffAccounts:status.mustChange')}</>}
          </dd>
        </div>
      </dl>
      {message && (
        <p className={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {asking ? (
        <ConfirmChange
          text={t(asking === 'deactivate' ? 'staffAccounts:action.confirmDeactivate' : 'staffAccounts:action.confirmReset', { name })}
          confirmLabel={t('staffAccounts:action.confirm')}
          closeLabel={t('staffAccounts:action.cancel')}
          busy={busy}
          onConfirm={() => void (asking === 'deactivate' ? setActive(false) : run({ action: 'reset-password', userId: account.user_id }, () => null))}
          onClose={() => setAsking(null)}
        />
      ) : (
        <div className="staff-actions">
          {account.active ? (
            <button type="button" className="button button-secondary" onClick={() => setAsking('deactivate')}>
              {t('staffAccounts:action.deactivate', { name })}
            </button>
          ) : (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void setActive(true)}>
              {t('staffAccounts:action.reactivate', { name })}
            </button>
          )}
          {account.active && (
            <button type="button" className="button button-secondary" onClick={() => setAsking('reset')}>
              {t('staffAccounts:action.reset', { name })}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
