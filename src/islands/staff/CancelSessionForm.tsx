// The form that cancels a session with a reason the people who booked will read.
import { useState } from 'react';
import { cancelledSessionSchema } from '../../domain/staff-writes.ts';
import { Field } from '../shared/Field.tsx';
import type { Translate } from '../translator.ts';
import { failureText, staffRpc } from './calls.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';

export function CancelSessionForm({ t, sessionId, onClose, onDone }: { t: Translate; sessionId: number; onClose: () => void; onDone: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `cancel-reason-${sessionId}`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const length = reason.trim().length;
    if (length < 3 || length > 500) return setError(t('staff:cancel.reasonRequired'));
    setBusy(true);
    const result = await staffRpc('staff_cancel_session', { p_session_id: sessionId, p_reason: reason.trim() }, cancelledSessionSchema);
    setBusy(false);
    if (!result.ok) return setError('refusal' in result && result.refusal.code === 'invalid_argument' ? t('staff:cancel.reasonRequired') : failureText(t, result));
    await onDone();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="notice notice-warning">{t('staff:cancel.warning')}</p>
      <Field id={id} label={t('staff:cancel.reason')} hint={t('staff:cancel.reasonHint')} error={error} errorPrefix={t('staff:form.errorPrefix')}>
        {(control) => <textarea {...control} value={reason} maxLength={500} onChange={(event) => setReason(event.currentTarget.value)} ref={focusWhenShown} />}
      </Field>
      <div className="staff-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('staff:cancel.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('staff:capacity.close')}
        </button>
      </div>
    </form>
  );
}
