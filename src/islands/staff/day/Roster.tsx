// The people of a shift in queue order, with a search that ignores tone marks, who "call next"
// takes next, buttons on each person (call, served, not come, or take a mark back), and the CSV
// export of the list.
import { useMemo, useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { formatCode } from '../../../domain/booking-code.ts';
import {
  buildRoster,
  callOrder,
  matchesSearch,
  rosterActions,
  rosterState,
  type BookingRow,
  type RosterEntry,
  type RosterState,
  type WalkInRow,
} from '../../../domain/roster.ts';
import { formatDate, formatTime } from '../../../lib/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import { networkFailure } from '../calls.ts';
import { staffCall, type SessionRow, type ShiftRow } from './data.ts';
import { refusalText } from './refusal.ts';
import type { Turn } from './turn.ts';

interface Props {
  t: Translate;
  locale: Locale;
  session: SessionRow;
  shift: ShiftRow;
  bookings: BookingRow[];
  walkIns: WalkInRow[];
  turn: Turn;
  /** False for a volunteer, who calls numbers but does not mark served or not come. */
  marks: boolean;
  onChange: () => void;
}

export function Roster({ t, locale, session, shift, bookings, walkIns, turn, marks, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [stored, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const notice = turn.last ? stored : null;
  const roster = useMemo(() => buildRoster(shift.id, bookings, walkIns), [shift.id, bookings, walkIns]);
  const shown = roster.filter((entry) => matchesSearch(entry, query));
  const start = formatTime(locale, shift.starts_at);
  const end = formatTime(locale, shift.ends_at);
  const statusText = (state: RosterState) => t(`staffDay:status.${state}`);
  const next = callOrder(roster).map((entry) => entry.queueNo);

  async function act(entry: RosterEntry, action: 'call' | 'undo' | 'served' | 'no_show') {
    turn.start();
    setNotice(null);
    setBusy(entry.queueNo);
    const args = { p_shift_id: shift.id, p_queue_no: entry.queueNo };
    const result =
      action === 'served' || action === 'no_show'
        ? await staffCall({ name: 'staff_mark', args: { ...args, p_status: action } })
        : await staffCall({ name: action === 'call' ? 'staff_call_number' : 'staff_undo_mark', args });
    setBusy(null);
    if (!result.ok) {
      setNotice({ error: true, text: refusalText(t, result) });
      return;
    }
    const number = entry.queueNo;
    setNotice({ error: false, text: action === 'call' ? t('staffDay:roster.calling', { number }) : t('staffDay:roster.marked', { number, status: statusText(rosterState({ status: result.data.status, calledAt: result.data.called_at })) }) });
    onChange();
  }

  // The CSV code comes with the first download, not with the page.
  async function download() {
    turn.start();
    setNotice(null);
    const loaded = await Promise.all([import('../../../domain/roster-csv.ts'), import('../../shared/download.ts')]).catch(() => null);
    if (!loaded) return setNotice({ error: true, text: refusalText(t, networkFailure) });
    const [{ rosterCsv, rosterFileName }, { downloadText }] = loaded;
    const csv = rosterCsv(roster, {
      headers: {
        queueNo: t('staffDay:csv.queueNo'),
        code: t('staffDay:csv.code'),
        fullName: t('staffDay:csv.fullName'),
        birthDate: t('staffDay:csv.birthDate'),
        status: t('staffDay:csv.status'),
        kind: t('staffDay:csv.kind'),
      },
      status: statusText,
      kind: (kind) => t(`staffDay:kind.${kind}`),
    });
    downloadText(rosterFileName(t('staffDay:csv.filePrefix'), session.session_date, start, session.site.name), csv, 'text/csv;charset=utf-8');
  }

  return (
    <section aria-labelledby="day-roster">
      <h2 id="day-roster">{t('staffDay:roster.heading', { start, end })}</h2>
      <TextField id="day-search" type="search" autoComplete="off" label={t('staffDay:roster.search')} hint={t('staffDay:roster.searchHint')} value={query} onValue={setQuery} />
      <p role="status">
        {roster.length === 0
          ? t('staffDay:roster.empty')
          : shown.length === 0
            ? t('staffDay:roster.noMatch', { query: query.trim() })
            : t('staffDay:roster.shown', { count: shown.length })}
      </p>
      {roster.length > 0 && <p>{next.length > 0 ? t('staffDay:roster.callOrder', { numbers: next.join(', ') }) : t('staffDay:roster.callOrderNone')}</p>}
      <div aria-live="polite">{notice && <p className={`notice${notice.error ? ' notice-error' : ''}`}>{notice.text}</p>}</div>
      <ol className="staff-day-roster">
        {shown.map((entry) => {
          const state = rosterState(entry);
          const can = rosterActions(entry, marks);
          const button = (action: 'call' | 'undo' | 'served' | 'no_show', text: string, label: string) => (
            <button type="button" className="button button-secondary" disabled={busy === entry.queueNo} aria-label={label} onClick={() => void act(entry, action)}>
              {text}
            </button>
          );
          return (
            <li key={entry.queueNo} className={`staff-day-person staff-day-${state}`}>
              <p className="staff-day-person-head">
                <span className="staff-day-queue">{t('staffDay:roster.number', { number: entry.queueNo })}</span>
                <span className="staff-day-status">{statusText(state)}</span>
              </p>
              <p className="staff-day-name" lang={entry.fullName ? vietnameseData(locale) : undefined}>
                {entry.fullName ?? t('staffDay:roster.walkIn')}
              </p>
              {entry.kind === 'booking' && (
                <dl className="staff-day-facts">
                  {entry.birthDate && (
                    <div>
                      <dt>{t('staffDay:roster.birthDate')}</dt>
                      <dd>{formatDate(locale, entry.birthDate)}</dd>
                    </div>
                  )}
                  {entry.code && (
                    <div>
                      <dt>{t('staffDay:roster.code')}</dt>
                      <dd className="staff-day-code-value">{formatCode(entry.code)}</dd>
                    </div>
                  )}
                </dl>
              )}
              {(can.call || can.noShow || can.undo) && (
                <div className="staff-actions">
                  {can.call &&
                    (state === 'called'
                      ? button('call', t('staffDay:roster.callAgain'), t('staffDay:roster.callAgainLabel', { number: entry.queueNo }))
                      : button('call', t('staffDay:roster.call'), t('staffDay:roster.callLabel', { number: entry.queueNo })))}
                  {can.served && button('served', t('staffDay:roster.markServed'), t('staffDay:roster.markServedLabel', { number: entry.queueNo }))}
                  {can.noShow && button('no_show', t('staffDay:roster.markNoShow'), t('staffDay:roster.markNoShowLabel', { number: entry.queueNo }))}
                  {can.undo && button('undo', t('staffDay:roster.undo'), t('staffDay:roster.undoLabel', { number: entry.queueNo }))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {roster.length > 0 && (
        <div className="staff-day-export">
          <button type="button" className="button button-secondary" onClick={() => void download()} aria-describedby="day-export-hint">
            {t('staffDay:export.button')}
          </button>
          <p className="hint" id="day-export-hint">
            {t('staffDay:export.hint')}
          </p>
        </div>
      )}
    </section>
  );
}
