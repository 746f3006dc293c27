// The form that cancels a session with a reason the people who booked will read; with people
// booked it says how many, and sends that number for the server to check.
import { useState } from 'react';
import { cancelledSessionSchema } from '../../domain/staff-writes.ts';
import { Field } from '../shared/Field.tsx';
import type { Translate } from '../translator.ts';
import { failureText, staffRpc } from './calls.ts';
import { bookedCountChanged } from './ConfirmChange.tsx';
import { focusWhenShown } from '../shared/focus-when-shown.ts';

interface Props {
  t: Translate;
  sessionId: number;
  /** People booked in the session, as the officer reads them. */
  booked: number;
  onChanged: () => Promise<void>;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function CancelSessionForm({ t, sessionId, booked, onChanged, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `cancel-reason-${sessionId}`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const length = reason.trim().length;
    if (length < 3 || length > 500) return setError(t('staff:cancel.reasonRequired'));
    setBusy(true);
    const result = await staffRpc('staff_cancel_session', { p_session_id: sessionId, p_reason: reason.trim(), p_booked_count: booked }, cancelledSessionSchema);
    setBusy(false);
    if (result.ok) return onDone();
    setError('refusal' in result && result.refusal.code === 'invalid_argument' ? t('staff:cancel.reasonRequired') : failureText(t, result));
    if (bookedCountChanged(result)) await onChanged();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="notice notice-warning">{booked > 0 ? t('staff:cancel.booked', { count: booked }) : t('staff:cancel.warning')}</p>
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
