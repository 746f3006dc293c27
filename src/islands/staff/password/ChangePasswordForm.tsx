// The form that sets the officer's own password: the new one twice. Shown by the gate before
// anything else while a password an administrator set is in use, and on the password page.
import { useState } from 'react';
import { safeParse } from 'zod/mini';
import { minimumPasswordLength, passwordChangeSchema } from '../../../domain/staff-accounts.ts';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { errorsByField, fieldErrorsOf } from '../../shared/form-errors.ts';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import { changeOwnPassword, type PasswordOutcome } from './change-password.ts';

interface Props {
  t: Translate;
  onChanged: () => void;
}

const outcomeError: Record<Exclude<PasswordOutcome, 'done'>, FieldError> = {
  same: { field: 'new-password', message: 'staffPassword:same' },
  weak: { field: 'new-password', message: 'staffPassword:tooShort' },
  failed: { field: 'new-password', message: 'staffPassword:failed' },
};

export function ChangePasswordForm({ t, onChanged }: Props) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const min = { min: minimumPasswordLength };
  const translate: Translate = (key) => t(key, min);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = safeParse(passwordChangeSchema, { password, confirm });
    if (!checked.success) return setErrors(fieldErrorsOf(checked.error.issues, (path) => (path[0] === 'confirm' ? 'confirm-password' : 'new-password'), translate));
    setErrors([]);
    setSending(true);
    const outcome = await changeOwnPassword(password);
    setSending(false);
    if (outcome === 'done') return onChanged();
    const error = outcomeError[outcome];
    setErrors([{ ...error, message: translate(error.message) }]);
  }

  const byField = errorsByField(errors);
  const prefix = t('staffPassword:form.errorPrefix');
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('staffPassword:form.errorTitle')} errors={errors} />
      <TextField
        id="new-password"
        type="password"
        autoComplete="new-password"
        label={t('staffPassword:new')}
        hint={t('staffPassword:newHint', min)}
        error={byField['new-password']}
        errorPrefix={prefix}
        value={password}
        onValue={setPassword}
      />
      <TextField
        id="confirm-password"
        type="password"
        autoComplete="new-password"
        label={t('staffPassword:confirm')}
        error={byField['confirm-password']}
        errorPrefix={prefix}
        value={confirm}
        onValue={setConfirm}
      />
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('staffPassword:sending') : t('staffPassword:submit')}
      </button>
    </form>
  );
}
