// A question put to the officer before a change of a session that citizens will feel: what will
// happen, then go ahead or not. Focus moves to the question, so a keyboard or screen-reader user
// reads it before the buttons.
import { focusWhenShown } from '../shared/focus-when-shown.ts';

interface Props {
  text: string;
  confirmLabel: string;
  closeLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmChange({ text, confirmLabel, closeLabel, busy, onConfirm, onClose }: Props) {
  return (
    <div className="staff-confirm">
      <p className="notice notice-warning" tabIndex={-1} ref={focusWhenShown}>
        {text}
      </p>
      <div className="staff-actions">
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * Whether a change was refused because people booked (or cancelled) since the officer read the
 * number they confirmed: the card then reads the session again to show the number now.
 */
export function bookedCountChanged(result: { ok: boolean } | { ok: false; refusal: { code: string } }): boolean {
  return 'refusal' in result && result.refusal.code === 'session_has_bookings';
}
