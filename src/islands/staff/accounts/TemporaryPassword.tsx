// A temporary password, shown once to the administrator who made it: they hand it over, and its
// holder must replace it at first sign-in. It takes focus, so a screen reader reads it at once.
import { focusWhenShown } from '../../shared/focus-when-shown.ts';
import type { Translate } from '../../translator.ts';

interface Props {
  t: Translate;
  name: string;
  email: string | null;
  password: string;
  onDismiss: () => void;
}

export function TemporaryPassword({ t, name, email, password, onDismiss }: Props) {
  return (
    <section className="notice account-password" aria-labelledby="temporary-heading" tabIndex={-1} ref={focusWhenShown}>
      <h2 id="temporary-heading">{t('staffAccounts:temporary.heading')}</h2>
      <p>{t('staffAccounts:temporary.body', { name })}</p>
      <dl className="summary-list">
        {email && (
          <div>
            <dt>{t('staffAccounts:temporary.email')}</dt>
            <dd>{email}</dd>
          </div>
        )}
        <div>
          <dt>{t('staffAccounts:temporary.password')}</dt>
          <dd>
            <code className="account-secret">{password}</code>
          </dd>
        </div>
      </dl>
      <button type="button" className="button" onClick={onDismiss}>
        {t('staffAccounts:temporary.dismiss')}
      </button>
    </section>
  );
}
