// Walk-in numbers and "call next": the number handed out or called is shown big, for the officer
// to read out or show; the public board of the session follows the call. Either may be pressed
// again after a dropped answer and takes effect once: a walk-in carries its request's key until an
// answer comes, call next the number the officer saw being served.
import { useRef, useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import { staffCall, type QueueEntry, type ShiftRow } from './data.ts';
import { refusalText } from './refusal.ts';
import type { Turn } from './turn.ts';

interface Props {
  t: Translate;
  locale: Locale;
  shift: ShiftRow;
  boardHref: string;
  turn: Turn;
  onChange: () => void;
}

type Shown = { kind: 'walk-in' | 'called'; entry: QueueEntry } | { kind: 'refused'; text: string } | null;

export function QueueControls({ t, locale, shift, boardHref, turn, onChange }: Props) {
  const [stored, setShown] = useState<Shown>(null);
  const shown = turn.last ? stored : null;
  const [busy, setBusy] = useState(false);
  // The number this console called, until the shift read again says more than it did when it called.
  const [called, setCalled] = useState<{ shiftId: number; queueNo: number; over: number } | null>(null);
  const serving = called?.shiftId === shift.id && called.over === shift.now_serving ? called.queueNo : shift.now_serving;
  // The key of the walk-in request still unanswered, for its shift. A UUID fits the key's pattern
  // and needs no module on this page, which has no room left.
  const walkIn = useRef<{ shiftId: number; key: string } | null>(null);

  function pendingWalkIn() {
    if (walkIn.current?.shiftId !== shift.id) walkIn.current = { shiftId: shift.id, key: crypto.randomUUID() };
    return walkIn.current;
  }

  async function run(name: 'staff_add_walk_in' | 'staff_call_next') {
    turn.start();
    setShown(null);
    setBusy(true);
    const result =
      name === 'staff_call_next'
        ? await staffCall({ name, args: { p_shift_id: shift.id, p_now_serving: serving } })
        : await staffCall({ name, args: { p_shift_id: shift.id, p_request_key: pendingWalkIn().key } });
    setBusy(false);
    // Without an answer the request may have taken effect: the next press sends the same key.
    if (name === 'staff_add_walk_in' && !('network' in result)) walkIn.current = null;
    if (!result.ok) {
      setShown({ kind: 'refused', text: refusalText(t, result) });
      return;
    }
    setShown({ kind: name === 'staff_add_walk_in' ? 'walk-in' : 'called', entry: result.data });
    if (name === 'staff_call_next') setCalled({ shiftId: shift.id, queueNo: result.data.queue_no, over: shift.now_serving });
    onChange();
  }

  return (
    <section aria-labelledby="day-queue">
      <h2 id="day-queue">{t('staffDay:queue.heading')}</h2>
      <p>{serving > 0 ? t('staffDay:queue.nowServing', { number: serving }) : t('staffDay:queue.notStarted')}</p>
      <div className="staff-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void run('staff_call_next')}>
          {t('staffDay:queue.callNext')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('staff_add_walk_in')}>
          {t('staffDay:queue.walkIn')}
        </button>
      </div>
      <div aria-live="polite">
        {shown?.kind === 'refused' && <p className="notice notice-error">{shown.text}</p>}
        {shown && shown.kind !== 'refused' && (
          <div className="staff-day-big">
            <p className="staff-day-big-label">{t(shown.kind === 'walk-in' ? 'staffDay:queue.walkInNumber' : 'staffDay:queue.calling')}</p>
            <p className="staff-day-big-number">{shown.entry.queue_no}</p>
            {shown.entry.full_name && <p className="staff-day-big-name" lang={vietnameseData(locale)}>{shown.entry.full_name}</p>}
          </div>
        )}
      </div>
      <p>
        <a href={boardHref} target="_blank" rel="noopener">
          {t('staffDay:queue.board')} <span className="visually-hidden">{t('staffDay:queue.newTab')}</span>
        </a>
      </p>
    </section>
  );
}
