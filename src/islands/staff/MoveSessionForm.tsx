// The form that moves a session nobody has booked to another date; its shifts keep their hours.
import { useState } from 'react';
import { movedSessionSchema } from '../../domain/staff-writes.ts';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';
import { failureText, staffRpc } from './calls.ts';
import type { StaffSession } from './scope.ts';

export function MoveSessionForm({ t, session, today, onClose, onDone }: { t: Translate; session: StaffSession; today: string; onClose: () => void; onDone: () => Promise<void> }) {
  const [date, setDate] = useState(session.session_date);
  const [error, setError] = useState<string>();
  const id = `move-date-${session.id}`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!date || date < today) return setError(t('staff:move.dateRequired'));
    const result = await staffRpc('staff_move_session', { p_session_id: session.id, p_date: date }, movedSessionSchema);
    if (!result.ok) return setError('refusal' in result && result.refusal.code === 'invalid_argument' ? t('staff:move.dateRequired') : failureText(t, result));
    await onDone();
  }

  return (
    <form className="staff-inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField id={id} type="date" min={today} label={t('staff:move.label')} error={error} errorPrefix={t('staff:form.errorPrefix')} value={date} onValue={setDate} />
      <button type="submit" className="button">
        {t('staff:move.save')}
      </button>{' '}
      <button type="button" className="button-link" onClick={onClose}>
        {t('staff:capacity.close')}
      </button>
    </form>
  );
}
