// The form that changes a shift's places, never below the people already booked.
import { useState } from 'react';
import { refusalMessage } from '../../domain/errors.ts';
import { capacityProblem } from '../../domain/staff-sessions.ts';
import { shiftCapacitySchema } from '../../domain/staff-writes.ts';
import { Field } from '../shared/Field.tsx';
import type { Translate } from '../translator.ts';
import { staffRpc } from './calls.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import type { StaffShift } from './scope.ts';

interface Props {
  t: Translate;
  shift: StaffShift;
  times: { start: string; end: string };
  onClose: () => void;
  onSaved: () => Promise<void>;
}

export function ShiftCapacityForm({ t, shift, times, onClose, onSaved }: Props) {
  // Opening the form again starts from the shift's current places.
  const [value, setValue] = useState(String(shift.capacity));
  const [error, setError] = useState<string>();
  const id = `capacity-${shift.id}`;

  async function save(event: { preventDefault(): void }) {
    event.preventDefault();
    const capacity = value.trim() === '' ? Number.NaN : Number(value);
    const problem = capacityProblem(capacity, shift.booked);
    if (problem) return setError(t(`staff:${problem}`, { booked: shift.booked }));
    const result = await staffRpc('staff_set_shift_capacity', { p_shift_id: shift.id, p_capacity: capacity }, shiftCapacitySchema);
    if (!result.ok) {
      // Someone booked since the list was read: the refusal says how many have now.
      const refusal = 'refusal' in result ? result.refusal : null;
      return setError(refusal?.code === 'capacity_below_booked' ? t('staff:capacity.belowBooked', refusalMessage(refusal).values) : t('staff:loadError'));
    }
    await onSaved();
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Field id={id} label={t('staff:capacity.label', times)} error={error} errorPrefix={t('staff:form.errorPrefix')}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={Math.max(1, shift.booked)}
            max={5000}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            ref={focusWhenShown}
          />
        )}
      </Field>
      <div className="staff-actions">
        <button type="submit" className="button">{t('staff:capacity.save')}</button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('staff:capacity.close')}
        </button>
      </div>
    </form>
  );
}
