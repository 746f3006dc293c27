// One session of the officer's list: its site, date, status and shifts, with what can be done to
// it: publish or take back to draft, move it to another date while nobody has booked, change a
// shift's places, cancel with a reason.
import { useId, useState } from 'react';
import { refusalMessage } from '../../domain/errors.ts';
import { capacityProblem, sessionStatus, shortNotice } from '../../domain/staff-sessions.ts';
import { cancelledSessionSchema, movedSessionSchema, publishedSessionSchema, shiftCapacitySchema } from '../../domain/staff-writes.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong, formatTime } from '../../lib/format.ts';
import { Field } from '../shared/Field.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';
import { failureText, staffRpc } from './calls.ts';
import type { StaffSession, StaffShift } from './scope.ts';

interface Props {
  locale: Locale;
  t: Translate;
  session: StaffSession;
  wardName: string | undefined;
  today: string;
  /** Reads the list again after a change. */
  onChanged: () => Promise<void>;
}

type Message = { tone: 'info' | 'warning' | 'error'; text: string };

export function SessionCard({ locale, t, session, wardName, today, onChanged }: Props) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [moving, setMoving] = useState(false);
  const status = sessionStatus(session);
  const unbooked = session.shifts.every((shift) => shift.booked === 0);
  const headingId = useId();

  async function setPublished(published: boolean) {
    setBusy(true);
    const result = await staffRpc('staff_set_session_published', { p_session_id: session.id, p_published: published }, publishedSessionSchema);
    setBusy(false);
    if (!result.ok) return setMessages([{ tone: 'error', text: t('staff:loadError') }]);
    const days = published ? shortNotice(session.session_date, today) : null;
    setMessages([
      { tone: 'info', text: t(published ? 'staff:session.publishedNow' : 'staff:session.unpublishedNow') },
      ...(days === null ? [] : [{ tone: 'warning' as const, text: t('staff:session.shortNotice', { count: days }) }]),
    ]);
    await onChanged();
  }

  return (
    <li className={`staff-session${status === 'cancelled' ? ' staff-session-cancelled' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {formatDayLong(locale, session.session_date)}
        <span className={`staff-badge staff-badge-${status}`}>{t(`staff:status.${status}`)}</span>
      </h3>
      <p>
        <strong>{session.site.name}</strong>
        <br />
        {session.site.address}
        {/* Seeded addresses already name their ward; typed ones may not. */}
        {wardName && !session.site.address.toLowerCase().includes(wardName.toLowerCase()) && `, ${wardName}`}
      </p>
      {status === 'cancelled' && session.cancel_reason && <p>{t('staff:session.cancelledReason', { reason: session.cancel_reason })}</p>}
      {session.shifts.length === 0 ? (
        <p>{t('staff:session.noShifts')}</p>
      ) : (
        <ul className="staff-shifts">
          {session.shifts.map((shift) => (
            <ShiftRow key={shift.id} locale={locale} t={t} shift={shift} editable={status !== 'cancelled'} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <div role="status">
        {messages.map((message) => (
          <p key={message.text} className={`notice${message.tone === 'info' ? '' : ` notice-${message.tone}`}`}>
            {message.text}
          </p>
        ))}
      </div>
      {status !== 'cancelled' && (
        <div className="staff-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void setPublished(!session.published)}>
            {t(session.published ? 'staff:session.unpublish' : 'staff:session.publish')}
          </button>
          {unbooked && !moving && (
            <button type="button" className="button button-secondary" onClick={() => setMoving(true)}>
              {t('staff:move.open')}
            </button>
          )}
          {!cancelling && (
            <button type="button" className="button button-secondary" onClick={() => setCancelling(true)}>
              {t('staff:cancel.open')}
            </button>
          )}
        </div>
      )}
      {status !== 'cancelled' && moving && (
        <MoveForm
          t={t}
          session={session}
          today={today}
          onClose={() => setMoving(false)}
          onDone={async () => {
            setMoving(false);
            setMessages([{ tone: 'info', text: t('staff:move.done') }]);
            await onChanged();
          }}
        />
      )}
      {status !== 'cancelled' && cancelling && (
        <CancelForm
          t={t}
          sessionId={session.id}
          onClose={() => setCancelling(false)}
          onDone={async () => {
            setCancelling(false);
            setMessages([{ tone: 'info', text: t('staff:cancel.done') }]);
            await onChanged();
          }}
        />
      )}
    </li>
  );
}

/**
 * A ref that moves focus to a field of a form the officer just opened (as GOV.UK's components
 * move focus from script, not with autofocus). One function for every render, so React calls it
 * only when the field appears, never again while the officer types.
 */
function focusWhenShown(field: HTMLElement | null) {
  field?.focus();
}

function ShiftRow({ locale, t, shift, editable, onChanged }: { locale: Locale; t: Translate; shift: StaffShift; editable: boolean; onChanged: () => Promise<void> }) {
  const times = { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) };
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(shift.capacity));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
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
    setError(undefined);
    setEditing(false);
    setSaved(true);
    await onChanged();
  }

  return (
    <li>
      <strong>{t('staff:session.shift', times)}</strong> · <span className="staff-places">{t('staff:session.places', { booked: shift.booked, capacity: shift.capacity })}</span>
      {saved && !editing && <span role="status"> · {t('staff:capacity.saved')}</span>}
      {editable && !editing && (
        <div>
          <button type="button" className="button-link" onClick={() => { setEditing(true); setSaved(false); setValue(String(shift.capacity)); }}>
            {t('staff:capacity.edit', times)}
          </button>
        </div>
      )}
      {editing && (
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
            <button type="button" className="button button-secondary" onClick={() => { setEditing(false); setError(undefined); }}>
              {t('staff:capacity.close')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function CancelForm({ t, sessionId, onClose, onDone }: { t: Translate; sessionId: number; onClose: () => void; onDone: () => Promise<void> }) {
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

function MoveForm({ t, session, today, onClose, onDone }: { t: Translate; session: StaffSession; today: string; onClose: () => void; onDone: () => Promise<void> }) {
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
