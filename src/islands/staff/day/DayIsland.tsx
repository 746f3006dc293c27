// The day of intake (/{lang}/staff/day/?shift=ID): pick a session of the day and a shift, watch
// the counts, check people in, hand out walk-in numbers, call the next one, mark people served or
// not come, export the roster, record the day's count. Signing in happens on the console's home.
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePolling } from '../../shared/use-polling.ts';
import type { Locale } from '../../../i18n/config.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import { countShifts } from '../../../domain/roster.ts';
import { formatClock, formatDayLong, formatTime } from '../../../lib/format.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope, type Scope } from '../scope.ts';
import { useStaff, type StaffMember } from '../use-staff.ts';
import { CheckIn } from './CheckIn.tsx';
import { DailyCount } from './DailyCount.tsx';
import { QueueControls } from './QueueControls.tsx';
import { Roster } from './Roster.tsx';
import { readSessionLive, readSessionOfShift, readSessions, type SessionLive, type SessionRow } from './data.ts';
import { refusalText } from './refusal.ts';

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
      return <DayConsole t={t} locale={locale} staff={state.staff} staffHref={staffHref} boardHref={boardHref} />;
  }
}

function readShiftParam(): number | null {
  const value = new URLSearchParams(window.location.search).get('shift');
  return value && /^[1-9][0-9]{0,17}$/.test(value) ? Number(value) : null;
}

/** Keeps the chosen shift in the address, so a reload or a shared link opens it again. */
function writeShiftParam(shiftId: number | null) {
  const url = new URL(window.location.href);
  if (shiftId === null) url.searchParams.delete('shift');
  else url.searchParams.set('shift', String(shiftId));
  window.history.replaceState(null, '', url);
}

interface ConsoleProps {
  t: Translate;
  locale: Locale;
  staff: StaffMember;
  staffHref: string;
  boardHref: string;
}

function DayConsole({ t, locale, staff, staffHref, boardHref }: ConsoleProps) {
  const [scope, setScope] = useState<Scope | null>(null);
  const [date, setDate] = useState(todayInVietnam);
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [shiftId, setShiftId] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [live, setLive] = useState<{ data: SessionLive; readAt: Date; failedAt: Date | null } | null>(null);
  const fromAddress = useRef(readShiftParam());

  const wardIds = useMemo(() => scope?.wards.map((ward) => ward.id) ?? [], [scope]);

  useEffect(() => {
    let live = true;
    loadScope(staff.unit).then(
      (loaded) => live && setScope(loaded),
      () => live && setLoadError(t('errors:network')),
    );
    return () => {
      live = false;
    };
  }, [staff.unit, t]);

  // The sessions of the chosen date; a shift named in the address picks its date and session first.
  useEffect(() => {
    if (!scope) return;
    let live = true;
    void (async () => {
      const wanted = fromAddress.current;
      fromAddress.current = null;
      if (wanted !== null) {
        const found = await readSessionOfShift(wardIds, wanted);
        if (!live) return;
        if (found.ok && found.data) {
          setSessionId(found.data.id);
          setShiftId(wanted);
          // Another date: this effect runs again for it and reads that date's list once.
          if (found.data.session_date !== date) return setDate(found.data.session_date);
        }
      }
      setSessions(null);
      const result = await readSessions(wardIds, date);
      if (!live) return;
      if (!result.ok) {
        setLoadError(refusalText(t, result));
        return;
      }
      setLoadError(null);
      setSessions(result.data);
      const today = result.data.filter((session) => session.session_date === date);
      setSessionId((current) => (today.some((s) => s.id === current) ? current : (today[0]?.id ?? null)));
    })();
    return () => {
      live = false;
    };
    // The date alone drives this; the address is read once.
  }, [scope, date]);

  const todays = useMemo(() => (sessions ?? []).filter((session) => session.session_date === date), [sessions, date]);
  const session = todays.find((each) => each.id === sessionId) ?? null;
  const nextDate = (sessions ?? []).find((each) => each.session_date > date)?.session_date;

  // A session's shift: the one chosen before if it is still there, else the one running now, else the first.
  // While sessions reload (a new date) the choice is kept, so a shift named in the address survives.
  useEffect(() => {
    if (!session) return;
    setShiftId((current) => {
      if (session.shifts.some((shift) => shift.id === current)) return current;
      const now = new Date().toISOString();
      return (session.shifts.find((shift) => shift.starts_at <= now && now < shift.ends_at) ?? session.shifts[0])?.id ?? null;
    });
  }, [session]);

  useEffect(() => {
    if (shiftId !== null) writeShiftParam(shiftId);
  }, [shiftId]);

  // Counts and roster, read now and every 10 seconds while the page is shown.
  const refreshNow = usePolling(
    async (isCurrent) => {
      if (!session) return false;
      const result = await readSessionLive(session);
      if (!isCurrent()) return false;
      if (result.ok) setLive({ data: result.data, readAt: new Date(), failedAt: null });
      else setLive((current) => current && { ...current, failedAt: new Date() });
      return true;
    },
    refreshMs,
    [session],
  );
  useEffect(() => setLive(null), [session]);

  const shifts = live?.data.shifts ?? session?.shifts ?? [];
  const shift = shifts.find((each) => each.id === shiftId) ?? null;
  const counts = live ? countShifts(shifts.map((each) => each.id), live.data.bookings, live.data.walkIns) : null;
  const time = (instant: string) => formatTime(locale, instant);

  return (
    <div className="staff-day">
      <p className="staff-greeting">
        {t('staffDay:auth.signedInAs', { name: staff.displayName, unit: staff.unit.name })} · <a href={staffHref}>{t('staffDay:auth.console')}</a>
      </p>
      {loadError && (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      )}

      <section aria-labelledby="day-choose">
        <h2 id="day-choose">{t('staffDay:choose.heading')}</h2>
        <div className="field">
          <label htmlFor="day-date">{t('staffDay:choose.date')}</label>
          <input id="day-date" type="date" value={date} required onChange={(event) => event.currentTarget.value && setDate(event.currentTarget.value)} />
        </div>
        {sessions === null && !loadError && <p role="status">{t('staffDay:choose.loading')}</p>}
        {sessions !== null && todays.length === 0 && (
          <div className="notice">
            <p>{t('staffDay:choose.none')}</p>
            {nextDate && (
              <button type="button" className="button button-secondary" onClick={() => setDate(nextDate)}>
                {t('staffDay:choose.next', { date: formatDayLong(locale, nextDate) })}
              </button>
            )}
          </div>
        )}
        {todays.length > 0 && (
          <div className="field">
            <label htmlFor="day-session">{t('staffDay:choose.session')}</label>
            <select id="day-session" value={sessionId ?? ''} onChange={(event) => setSessionId(Number(event.currentTarget.value))}>
              {todays.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.cancelled_at ? t('staffDay:choose.cancelled', { site: each.site.name }) : each.site.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {session && session.shifts.length > 0 && (
          <div className="field">
            <label htmlFor="day-shift">{t('staffDay:choose.shift')}</label>
            <select id="day-shift" value={shiftId ?? ''} onChange={(event) => setShiftId(Number(event.currentTarget.value))}>
              {session.shifts.map((each) => (
                <option key={each.id} value={each.id}>
                  {t('staffDay:choose.time', { start: time(each.starts_at), end: time(each.ends_at) })}
                </option>
              ))}
            </select>
          </div>
        )}
      </section>

      {session && counts && (
        <section aria-labelledby="day-counts">
          <h2 id="day-counts">{t('staffDay:counts.heading')}</h2>
          {/* Focusable, so that a keyboard can scroll the table where it is wider than a phone. */}
          <div className="staff-day-table" tabIndex={0} role="region" aria-labelledby="day-counts">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('staffDay:counts.shift')}</th>
                  <th scope="col">{t('staffDay:counts.booked')}</th>
                  <th scope="col">{t('staffDay:counts.checkedIn')}</th>
                  <th scope="col">{t('staffDay:counts.served')}</th>
                  <th scope="col">{t('staffDay:counts.noShow')}</th>
                  <th scope="col">{t('staffDay:counts.walkIns')}</th>
                </tr>
              </thead>
              <tbody>
                {shifts.map((each) => {
                  const c = counts.get(each.id)!;
                  return (
                    <tr key={each.id} aria-current={each.id === shiftId ? 'true' : undefined}>
                      <th scope="row">{t('staffDay:choose.time', { start: time(each.starts_at), end: time(each.ends_at) })}</th>
                      <td>{c.booked}</td>
                      <td>{c.checkedIn}</td>
                      <td>{c.served}</td>
                      <td>{c.noShow}</td>
                      <td>{c.walkIns}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {live && (
            <p className={live.failedAt ? 'notice notice-warning' : 'hint'}>
              {live.failedAt ? t('staffDay:counts.offline', { time: formatClock(locale, live.failedAt) }) : t('staffDay:counts.updatedAt', { time: formatClock(locale, live.readAt) })}
            </p>
          )}
        </section>
      )}

      {session && shift && (
        <>
          <CheckIn t={t} shiftId={shift.id} onChange={refreshNow} />
          <QueueControls t={t} shift={shift} boardHref={`${boardHref}?session=${session.id}`} onChange={refreshNow} />
          {live && (
            <Roster
              t={t}
              locale={locale}
              session={session}
              shift={shift}
              bookings={live.data.bookings}
              walkIns={live.data.walkIns}
              onChange={refreshNow}
            />
          )}
        </>
      )}

      {scope && <DailyCount t={t} locale={locale} staff={staff} scope={scope} />}
    </div>
  );
}
