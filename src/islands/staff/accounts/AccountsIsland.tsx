// Staff accounts (/{lang}/staff/accounts/): an administrator (a province administrator, or a
// district officer for its district) creates the accounts of the roles below their own in their
// area, deactivates and reactivates them and resets their passwords. The database decides what is
// allowed; the page offers only what it would allow.
import { useCallback, useState } from 'react';
import { rolesToGive, type StaffAccountsAnswer } from '../../../domain/staff-accounts.ts';
import type { Locale } from '../../../i18n/config.ts';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { AccountCard } from './AccountCard.tsx';
import { loadAccountsPage, type AccountsPage } from './data.ts';
import { NewAccountForm } from './NewAccountForm.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

export default function AccountsIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <Accounts locale={locale} t={t} staff={staff} />
        </>
      )}
    </StaffGate>
  );
}

interface Shown {
  name: string;
  email: string | null;
  password: string;
}

function Accounts({ locale, t, staff }: { locale: Locale; t: Translate; staff: StaffMember }) {
  const [page, setPage] = useState<AccountsPage | null | undefined>();
  const [shown, setShown] = useState<Shown | null>(null);
  useRead(
    useCallback(() => loadAccountsPage(staff).catch(() => null), [staff]),
    setPage,
  );
  if (page === undefined) return <p role="status">{t('staff:loading')}</p>;
  if (page === null) return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  const mine = page.roles.find((role) => role.role === staff.role.role);
  const giveable = mine ? rolesToGive(mine, staff.unit.unit_set, page.roles) : [];
  if (giveable.length === 0) return <p>{t('staffAccounts:notAdmin')}</p>;
  const managed = page.accounts.filter((account) => giveable.some((role) => role.role === account.role));

  // An account the function answered replaces (or joins) the list; a password is shown once.
  function applied(answer: StaffAccountsAnswer, email: string | null) {
    setPage((current) => current && { ...current, accounts: [answer.account, ...current.accounts.filter((each) => each.user_id !== answer.account.user_id)] });
    if (answer.temporaryPassword) setShown({ name: answer.account.display_name, email, password: answer.temporaryPassword });
  }

  return (
    <>
      {shown && <TemporaryPassword t={t} {...shown} onDismiss={() => setShown(null)} />}
      <NewAccountForm locale={locale} t={t} roles={giveable} units={page.units} onCreated={(answer, email) => applied(answer, email)} />
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('staffAccounts:list.heading')}</h2>
        {managed.length === 0 ? (
          <p>{t('staffAccounts:list.empty')}</p>
        ) : (
          <ul className="account-list">
            {managed.map((account) => (
              <AccountCard
                key={account.user_id}
                locale={locale}
                t={t}
                account={account}
                role={page.roles.find((role) => role.role === account.role)}
                unit={page.units.find((unit) => unit.id === account.unit_id)}
                onDone={(answer) => applied(answer, null)}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
