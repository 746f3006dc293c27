// The password page (/{lang}/staff/password/): any signed-in officer or volunteer changes their own
// password. (One who must change it gets the same form from the gate first.)
import { useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { createTranslator, type Messages } from '../../translator.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export default function PasswordIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [done, setDone] = useState(false);
  return (
    <StaffGate t={t} volunteers>
      {(_staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          {done ? (
            <p className="notice" role="status">
              {t('staffPassword:done')}
            </p>
          ) : (
            <ChangePasswordForm t={t} onChanged={() => setDone(true)} />
          )}
        </>
      )}
    </StaffGate>
  );
}
