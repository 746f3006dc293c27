// The people of a shift in queue order, with a search that ignores tone marks, a served / no-show
// pair of buttons on each person still to be dealt with, and the CSV export of the list.
import { useMemo, useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { formatCode } from '../../../domain/booking-code.ts';
import { buildRoster, isMarkable, matchesSearch, rosterCsv, rosterFileName, type BookingRow, type BookingStatus, type RosterEntry, type WalkInRow } from '../../../domain/roster.ts';
import { formatDate, formatTime } from '../../../lib/format.ts';
import { downloadText } from '../../shared/download.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
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
  onChange: () => void;
}

export function Roster({ t, locale, session, shift, bookings, walkIns, turn, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [stored, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const notice = turn.last ? stored : null;
  const roster = useMemo(() => buildRoster(shift.id, bookings, walkIns), [shift.id, bookings, walkIns]);
  const shown = roster.filter((entry) => matchesSearch(entry, query));
  const start = formatTime(locale, shift.starts_at);
  const end = formatTime(locale, shift.ends_at);
  const statusText = (status: BookingStatus) => t(`staffDay:status.${status}`);

  async function mark(entry: RosterEntry, status: 'served' | 'no_show') {
    turn.start();
    setNotice(null);
    setBusy(entry.queueNo);
    const result = await staffCall({ name: 'staff_mark', args: { p_shift_id: shift.id, p_queue_no: entry.queueNo, p_status: status } });
    setBusy(null);
    setNotice(result.ok ? { error: false, text: t('staffDay:roster.marked', { number: entry.queueNo, status: statusText(status) }) } : { error: true, text: refusalText(t, result) });
    if (result.ok) onChange();
  }

  function download() {
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
      <div aria-live="polite">{notice && <p className={`notice${notice.error ? ' notice-error' : ''}`}>{notice.text}</p>}</div>
      <ol className="staff-day-roster">
        {shown.map((entry) => (
          <li key={entry.queueNo} className={`staff-day-person staff-day-${entry.status}`}>
            <p className="staff-day-person-head">
              <span className="staff-day-queue">{t('staffDay:roster.number', { number: entry.queueNo })}</span>
              <span className="staff-day-status">{statusText(entry.status)}</span>
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
            {isMarkable(entry) && (
              <div className="staff-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy === entry.queueNo}
                  aria-label={t('staffDay:roster.markServedLabel', { number: entry.queueNo })}
                  onClick={() => void mark(entry, 'served')}
                >
                  {t('staffDay:roster.markServed')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy === entry.queueNo}
                  aria-label={t('staffDay:roster.markNoShowLabel', { number: entry.queueNo })}
                  onClick={() => void mark(entry, 'no_show')}
                >
                  {t('staffDay:roster.markNoShow')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {roster.length > 0 && (
        <div className="staff-day-export">
          <button type="button" className="button button-secondary" onClick={download} aria-describedby="day-export-hint">
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
