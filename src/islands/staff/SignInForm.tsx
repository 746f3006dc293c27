// Email and password sign-in, with the site's error summary. A wrong email and a wrong password
// get one message, as Supabase Auth answers both with invalid_credentials; a deactivated account
// (user_banned) is told so.
import { useState } from 'react';
import type { Translate } from '../translator.ts';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { TextField } from '../shared/TextField.tsx';

interface Props {
  t: Translate;
  signIn: (email: string, password: string) => Promise<{ error: { code?: string } | null }>;
}

export function SignInForm({ t, signIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) found.push({ field: 'staff-email', message: t('staff:signIn.emailRequired') });
    if (!password) found.push({ field: 'staff-password', message: t('staff:signIn.passwordRequired') });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const { error } = await signIn(email, password);
    setBusy(false);
    // On success useStaff's auth listener replaces this form; nothing to do here.
    if (error) {
      const message = t(error.code === 'invalid_credentials' ? 'staff:signIn.wrong' : error.code === 'user_banned' ? 'staffPassword:inactive.signIn' : 'staff:signIn.failed');
      setErrors([{ field: 'staff-email', message }]);
    }
  }

  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="staff-sign-in">
      <h2>{t('staff:signIn.heading')}</h2>
      <p>{t('staff:signIn.intro')}</p>
      <ErrorSummary title={t('staff:form.errorTitle')} errors={errors} />
      <TextField
        id="staff-email"
        type="email"
        autoComplete="username"
        inputMode="email"
        label={t('staff:signIn.email')}
        value={email}
        onValue={setEmail}
        error={fieldError('staff-email')}
        errorPrefix={t('staff:form.errorPrefix')}
      />
      <TextField
        id="staff-password"
        type="password"
        autoComplete="current-password"
        label={t('staff:signIn.password')}
        value={password}
        onValue={setPassword}
        error={fieldError('staff-password')}
        errorPrefix={t('staff:form.errorPrefix')}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('staff:signIn.submitting') : t('staff:signIn.submit')}
      </button>
    </form>
  );
}
