// The form that moves a session to another date; its shifts keep their hours and its bookings
// their shifts. With people booked it says how many, and sends that number for the server to check.
import { useState } from 'react';
import { movedSessionSchema } from '../../domain/staff-writes.ts';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';
import { failureText, staffRpc } from './calls.ts';
import { bookedCountChanged } from './ConfirmChange.tsx';
import type { StaffSession } from './scope.ts';

interface Props {
  t: Translate;
  session: StaffSession;
  /** People booked in the session, as the officer reads them. */
  booked: number;
  today: string;
  onChanged: () => Promise<void>;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function MoveSessionForm({ t, session, booked, today, onChanged, onClose, onDone }: Props) {
  const [date, setDate] = useState(session.session_date);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `move-date-${session.id}`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!date || date < today) return setError(t('staff:move.dateRequired'));
    setBusy(true);
    const result = await staffRpc('staff_move_session', { p_session_id: session.id, p_date: date, p_booked_count: booked }, movedSessionSchema);
    setBusy(false);
    if (result.ok) return onDone();
    setError('refusal' in result && result.refusal.code === 'invalid_argument' ? t('staff:move.dateRequired') : failureText(t, result));
    if (bookedCountChanged(result)) await onChanged();
  }

  return (
    <form className="staff-inline-form" noValidate onSubmit={(event) => void submit(event)}>
      {booked > 0 && <p className="notice notice-warning">{t('staff:move.booked', { count: booked })}</p>}
      <TextField id={id} type="date" min={today} label={t('staff:move.label')} error={error} errorPrefix={t('staff:form.errorPrefix')} value={date} onValue={setDate} />
      <button type="submit" className="button" disabled={busy}>
        {t('staff:move.save')}
      </button>{' '}
      <button type="button" className="button-link" onClick={onClose}>
        {t('staff:capacity.close')}
      </button>
    </form>
  );
}
