// One session of the officer's list: its site, date, status and shifts, with what can be done to
// it: publish (asked first when the notice is short) or take back to draft, move it to another
// date, change a shift's places, cancel with a reason. What reaches the people booked (back to
// draft, moving, cancelling) says how many they are and sends that number for the server to check.
import { useId, useState } from 'react';
import { bookedPeople, sessionStatus, shortNotice } from '../../domain/staff-sessions.ts';
import { publishedSessionSchema } from '../../domain/staff-writes.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import type { Translate } from '../translator.ts';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import { CancelSessionForm } from './CancelSessionForm.tsx';
import { failureText, staffRpc } from './calls.ts';
import { bookedCountChanged, ConfirmChange } from './ConfirmChange.tsx';
import { MoveSessionForm } from './MoveSessionForm.tsx';
import type { StaffSession } from './scope.ts';
import { ShiftRow } from './ShiftRow.tsx';

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
  const [confirming, setConfirming] = useState<'publish' | 'unpublish'>();
  const status = sessionStatus(session);
  const booked = bookedPeople(session);
  const headingId = useId();

  async function setPublished(published: boolean) {
    setBusy(true);
    const result = await staffRpc('staff_set_session_published', { p_session_id: session.id, p_published: published, p_booked_count: booked }, publishedSessionSchema);
    setBusy(false);
    if (!result.ok) {
      setMessages([{ tone: 'error', text: failureText(t, result) }]);
      // Someone booked since the list was read: show the number now, the question stays open.
      if (bookedCountChanged(result)) await onChanged();
      return;
    }
    setConfirming(undefined);
    setMessages([{ tone: 'info', text: t(published ? 'staff:session.publishedNow' : 'staff:session.unpublishedNow') }]);
    await onChanged();
  }

  /** Publishing at short notice and unpublishing with people booked are asked first. */
  function askPublished() {
    setMessages([]);
    if (!session.published && shortNotice(session.session_date, today) !== null) setConfirming('publish');
    else if (session.published && booked > 0) setConfirming('unpublish');
    else void setPublished(!session.published);
  }

  return (
    <li className={`staff-session${status === 'cancelled' ? ' staff-session-cancelled' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {formatDayLong(locale, session.session_date)}
        <span className={`staff-badge staff-badge-${status}`}>{t(`staff:status.${status}`)}</span>
      </h3>
      <p lang={vietnameseData(locale)}>
        <strong>{session.site.name}</strong>
        <br />
        {session.site.address}
        {/* Seeded addresses already name their ward; typed ones may not. */}
        {wardName && !session.site.address.toLowerCase().includes(wardName.toLowerCase()) && `, ${wardName}`}
      </p>
      {status === 'cancelled' && session.cancel_reason && (
        <p>
          <Interpolated t={t} name="staff:session.cancelledReason" values={{ reason: <span lang={vietnameseData(locale)}>{session.cancel_reason}</span> }} />
        </p>
      )}
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
      {status !== 'cancelled' && confirming === 'publish' && (
        <ConfirmChange
          text={t('staff:session.shortNoticeConfirm', { date: formatDayLong(locale, session.session_date) })}
          confirmLabel={t('staff:session.publishAnyway')}
          closeLabel={t('staff:session.keepDraft')}
          busy={busy}
          onConfirm={() => void setPublished(true)}
          onClose={() => setConfirming(undefined)}
        />
      )}
      {status !== 'cancelled' && confirming === 'unpublish' && (
        <ConfirmChange
          text={t('staff:session.unpublishBooked', { count: booked })}
          confirmLabel={t('staff:session.unpublishConfirm')}
          closeLabel={t('staff:session.keepPublished')}
          busy={busy}
          onConfirm={() => void setPublished(false)}
          onClose={() => setConfirming(undefined)}
        />
      )}
      {status !== 'cancelled' && !confirming && (
        <div className="staff-actions">
          <button type="button" className="button" disabled={busy} onClick={askPublished}>
            {t(session.published ? 'staff:session.unpublish' : 'staff:session.publish')}
          </button>
          {!moving && (
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
        <MoveSessionForm
          t={t}
          session={session}
          booked={booked}
          today={today}
          onChanged={onChanged}
          onClose={() => setMoving(false)}
          onDone={async () => {
            setMoving(false);
            setMessages([{ tone: 'info', text: t('staff:move.done') }]);
            await onChanged();
          }}
        />
      )}
      {status !== 'cancelled' && cancelling && (
        <CancelSessionForm
          t={t}
          sessionId={session.id}
          booked={booked}
          onChanged={onChanged}
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
