// The queue board of one session: the number being served in each shift, in type big enough to
// read across a room, read again every 10 seconds. A failed read keeps the last numbers on screen
// and says so; a newly called number is announced to screen readers (politely, once).
import { useRef, useState } from 'react';
import { usePolling } from '../shared/use-polling.ts';
import { rpc } from '../../lib/public-api.ts';
import { formatClock, formatDayLong, formatTime } from '../../lib/format.ts';
import type { Locale } from '../../i18n/config.ts';
import { vietnameseData } from '../shared/Interpolated.tsx';
import { createTranslator, type Messages } from '../translator.ts';
import { boardAnswerSchema, isInProgress, newlyCalled, readSessionId, refreshMs, type Board } from './board.ts';

interface Props {
  locale: Locale;
  messages: Messages;
  schedulesHref: string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'not_found' }
  /** The first read failed: nothing to show yet, and the board keeps trying. */
  | { kind: 'unreachable'; failedAt: Date }
  | { kind: 'board'; board: Board; readAt: Date; failedAt: Date | null };

export default function QueueBoard({ locale, messages, schedulesHref }: Props) {
  const t = createTranslator(locale, messages);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const last = useRef<Board | null>(null);

  // The board reads one session for the page's life, and its texts never change.
  usePolling(
    async (isCurrent) => {
      // Read in the browser only: the board is also rendered at build time, without a URL.
      const sessionId = readSessionId(window.location.search);
      if (sessionId === null) {
        setState({ kind: 'missing' });
        return false;
      }
      const result = await rpc('now_serving_board', { p_session_id: sessionId }, boardAnswerSchema);
      if (!isCurrent()) return false;
      // A payload that does not fit reads as a refusal: the board keeps its last numbers.
      const board = result.ok ? result.data : undefined;
      if (board === null) {
        setState({ kind: 'not_found' });
        return false;
      }
      if (board === undefined) {
        // Offline or a refusal: keep showing what was read last, and say when the read failed.
        const failedAt = new Date();
        setState((current) => (current.kind === 'board' ? { ...current, failedAt } : { kind: 'unreachable', failedAt }));
      } else {
        const previous = last.current;
        last.current = board;
        if (previous) {
          const called = newlyCalled(previous, board);
          if (called.length > 0) {
            setAnnouncement(
              called
                .map((shift) =>
                  t('queue:board.announce', {
                    start: formatTime(locale, shift.starts_at),
                    end: formatTime(locale, shift.ends_at),
                    number: shift.now_serving,
                  }),
                )
                .join(' '),
            );
          }
        }
        setState({ kind: 'board', board, readAt: new Date(), failedAt: null });
      }
      return true;
    },
    refreshMs,
  );

  if (state.kind === 'loading') return <p className="board-message">{t('queue:board.loading')}</p>;
  if (state.kind === 'unreachable') {
    return <p className="board-message board-alert">{t('queue:board.offline', { time: formatClock(locale, state.failedAt) })}</p>;
  }
  if (state.kind === 'missing' || state.kind === 'not_found') {
    return (
      <div className="board-message">
        <p>{t(state.kind === 'missing' ? 'queue:board.missing' : 'queue:board.notFound')}</p>
        <p>
          <a href={schedulesHref}>{t('queue:board.findSession')}</a>
        </p>
      </div>
    );
  }

  const { board, readAt, failedAt } = state;
  const now = new Date();
  return (
    <div className="board">
      {/* The site's name and address are written in Vietnamese only. */}
      <h2 className="board-site" lang={vietnameseData(locale)}>
        {board.site.name}
      </h2>
      <p className="board-where">
        {formatDayLong(locale, board.date)}
        <br />
        <span lang={vietnameseData(locale)}>{board.site.address}</span>
      </p>
      {board.cancelled_at !== null && <p className="board-alert">{t('queue:board.cancelled')}</p>}
      <ul className="board-shifts">
        {board.shifts.map((shift) => {
          const start = formatTime(locale, shift.starts_at);
          const end = formatTime(locale, shift.ends_at);
          const headingId = `shift-${shift.id}`;
          return (
            <li key={shift.id} className={isInProgress(shift, now) ? 'board-shift current' : 'board-shift'}>
              <section aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {t('queue:board.shift', { start, end })}
                  {isInProgress(shift, now) && <span className="board-badge">{t('queue:board.inProgress')}</span>}
                </h3>
                <p className="board-label">{t('queue:board.nowServing')}</p>
                {shift.now_serving > 0 ? (
                  <p className="board-number">{shift.now_serving}</p>
                ) : (
                  <p className="board-none">{t('queue:board.notStarted')}</p>
                )}
                {shift.called_before.length > 0 && <p className="board-called">{t('queue:board.calledBefore', { numbers: shift.called_before.join(', ') })}</p>}
                <p className="board-issued">
                  {shift.last_queue_no > 0 ? t('queue:board.lastIssued', { number: shift.last_queue_no }) : t('queue:board.noneIssued')}
                </p>
              </section>
            </li>
          );
        })}
      </ul>
      <p className={failedAt ? 'board-status board-alert' : 'board-status'}>
        {failedAt
          ? t('queue:board.offline', { time: formatClock(locale, failedAt) })
          : t('queue:board.updatedAt', { time: formatClock(locale, readAt) })}{' '}
        {!failedAt && t('queue:board.refreshHint')}
      </p>
      <div className="board-announcer" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
