// The day of intake (/{lang}/staff/day/?shift=ID): pick a session of the day and a shift, watch
// the counts, check people in, hand out walk-in numbers, call the next one, mark people served or
// not come, export the roster, record the day's count. Signing in happens on the console's home.
import { useMemo, useState } from 'react';
import { countShifts } from '../../../domain/roster.ts';
import type { Locale } from '../../../i18n/config.ts';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import { usePolling } from '../../shared/use-polling.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { UnitName } from '../UnitName.tsx';
import { useStaff, type StaffMember } from '../use-staff.ts';
import { CheckIn } from './CheckIn.tsx';
import { DailyCount } from './DailyCount.tsx';
import { DayChooser } from './DayChooser.tsx';
import { QueueControls } from './QueueControls.tsx';
import { Roster } from './Roster.tsx';
import { ShiftCounts } from './ShiftCounts.tsx';
import { unansweredAt } from '../calls.ts';
import { readSessionLive, type SessionLive, type SessionRow } from './data.ts';
import type { DayAction, Turn } from './turn.ts';
import { useDayChoice } from './use-day-choice.ts';

interface Props {
  locale: Locale;
  messages: Messages;
  /** The console's home, where officers sign in. */
  staffHref: string;
  /** The public now-serving board, without its `?session=`. */
  boardHref: string;
}

/** The counts and roster are read again this often, as the public board is. */
const refreshMs = 10_000;

export default function DayIsland({ locale, messages, staffHref, boardHref }: Props) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const { state } = useStaff();
  switch (state.status) {
    case 'loading':
      return <p role="status">{t('staffDay:auth.loading')}</p>;
    case 'error':
      return <p className="notice notice-error" role="alert">{t('staffDay:auth.error')}</p>;
    case 'signed-out':
    case 'not-staff':
      return (
        <div className="notice">
          <p>{t(state.status === 'signed-out' ? 'staffDay:auth.signedOut' : 'staffDay:auth.notStaff')}</p>
          <p>
            <a className="button" href={staffHref}>
              {t('staffDay:auth.signIn')}
            </a>
          </p>
        </div>
      );
    case 'signed-in':
      // A deactivated account, or a password to replace first: the console's home says which.
      if (!state.staff.active || state.staff.mustChangePassword) {
        return (
          <p>
            <a className="button" href={staffHref}>
              {t('staffDay:auth.console')}
            </a>
          </p>
        );
      }
      return <DayConsole t={t} locale={locale} staff={state.staff} staffHref={staffHref} boardHref={boardHref} />;
  }
}

interface ConsoleProps {
  t: Translate;
  locale: Locale;
  staff: StaffMember;
  staffHref: string;
  boardHref: string;
}

function DayConsole({ t, locale, staff, staffHref, boardHref }: ConsoleProps) {
  const { scope, loadError, date, setDate, todays, nextDate, sessionId, setSessionId, session, shiftId, setShiftId } = useDayChoice(t, staff);
  const [read, setRead] = useState<{ session: SessionRow; data: SessionLive; readAt: Date; failedAt: Date | null } | null>(null);
  // What was read for another session is not shown for this one.
  const live = read?.session === session ? read : null;
  const [lastAction, setLastAction] = useState<DayAction | null>(null);
  const turn = (action: DayAction): Turn => ({ last: lastAction === action, start: () => setLastAction(action) });
  // The daily count sits under the day's sessions and the chosen shift's counts: it shows once they
  // have come (or failed), and then stays, so it never jumps down as they arrive (issue 14).
  const [firstReadDone, setFirstReadDone] = useState(false);
  const [countShown, setCountShown] = useState(false);
  if (!countShown && (loadError !== null || (todays !== null && (!session || firstReadDone)))) setCountShown(true);

  // Counts and roster, read now and every 10 seconds while the page is shown.
  const refreshNow = usePolling(
    async (isCurrent) => {
      if (!session) return false;
      // An action left unanswered before this read started (the read itself, a staff call, resets it).
      const unansweredBefore = unansweredAt !== 0;
      const result = await readSessionLive(session);
      if (!isCurrent()) return false;
      setFirstReadDone(true);
      if (result.ok) {
        setRead({ session, data: result.data, readAt: new Date(), failedAt: null });
        // The connection is back: an action's "no connection" error goes (the officer acts again).
        if (unansweredBefore) setLastAction(null);
      } else setRead((current) => current && { ...current, failedAt: new Date() });
      return true;
    },
    refreshMs,
    session,
  );

  const shifts = live?.data.shifts ?? session?.shifts ?? [];
  const shift = shifts.find((each) => each.id === shiftId) ?? null;

  return (
    <div className="staff-day">
      <p className="staff-greeting">
        <Interpolated
          t={t}
          name="staffDay:auth.signedInAs"
          values={{ name: <span lang={vietnameseData(locale)}>{staff.displayName}</span>, unit: <UnitName locale={locale} unit={staff.unit} /> }}
        />{' '}
        · <a href={staffHref}>{t('staffDay:auth.console')}</a>
      </p>
      {loadError && (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      )}
      <DayChooser
        t={t}
        locale={locale}
        date={date}
        onDate={setDate}
        todays={todays}
        loading={todays === null && !loadError}
        nextDate={nextDate}
        sessionId={sessionId}
        session={session}
        onSession={setSessionId}
        shiftId={shiftId}
        onShift={setShiftId}
      />
      {session && live && (
        <ShiftCounts
          t={t}
          locale={locale}
          shifts={shifts}
          counts={countShifts(shifts.map((each) => each.id), live.data.bookings, live.data.walkIns)}
          shiftId={shiftId}
          readAt={live.readAt}
          failedAt={live.failedAt}
        />
      )}
      {/* Under the shift's counts, so shown once they have come (or failed): they would push it down. */}
      {session && shift && firstReadDone && (
        <>
          <CheckIn t={t} locale={locale} shiftId={shift.id} turn={turn('check-in')} onChange={refreshNow} />
          <QueueControls t={t} locale={locale} shift={shift} boardHref={`${boardHref}?session=${session.id}`} turn={turn('queue')} onChange={refreshNow} />
          {live && <Roster t={t} locale={locale} session={session} shift={shift} bookings={live.data.bookings} walkIns={live.data.walkIns} turn={turn('roster')} marks={!staff.post} onChange={refreshNow} />}
        </>
      )}
      {/* The unit's count is the officers' (staff_record_daily_count): a volunteer covers no unit. */}
      {scope && countShown && !staff.post && <DailyCount t={t} locale={locale} staff={staff} scope={scope} />}
    </div>
  );
}
