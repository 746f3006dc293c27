// One shift of a session: its hours and places, and (while the session stands) a button that opens
// the form to change its places.
import { useState } from 'react';
import type { Locale } from '../../i18n/config.ts';
import { formatTime } from '../../lib/format.ts';
import type { Translate } from '../translator.ts';
import type { StaffShift } from './scope.ts';
import { ShiftCapacityForm } from './ShiftCapacityForm.tsx';

export function ShiftRow({ locale, t, shift, editable, onChanged }: { locale: Locale; t: Translate; shift: StaffShift; editable: boolean; onChanged: () => Promise<void> }) {
  const times = { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) };
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <li>
      <strong>{t('staff:session.shift', times)}</strong> · <span className="staff-places">{t('staff:session.places', { booked: shift.booked, capacity: shift.capacity })}</span>
      {saved && !editing && <span role="status"> · {t('staff:capacity.saved')}</span>}
      {editable && !editing && (
        <div>
          <button type="button" className="button-link" onClick={() => { setEditing(true); setSaved(false); }}>
            {t('staff:capacity.edit', times)}
          </button>
        </div>
      )}
      {editing && (
        <ShiftCapacityForm
          t={t}
          shift={shift}
          times={times}
          onClose={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            setSaved(true);
            await onChanged();
          }}
        />
      )}
    </li>
  );
}
