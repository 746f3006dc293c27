// Which date, session and shift the console shows: the officer's scope, the sessions of the date,
// a shift named in the address (`?shift=ID`, so a reload or a shared link opens it again) first.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import type { Translate } from '../../translator.ts';
import { loadScope, type Scope } from '../scope.ts';
import type { StaffMember } from '../use-staff.ts';
import { readSessionOfShift, readSessions, type SessionRow } from './data.ts';
import { refusalText } from './refusal.ts';

function readShiftParam(): number | null {
  const value = new URLSearchParams(window.location.search).get('shift');
  return value && /^[1-9][0-9]{0,17}$/.test(value) ? Number(value) : null;
}

function writeShiftParam(shiftId: number) {
  const url = new URL(window.location.href);
  url.searchParams.set('shift', String(shiftId));
  window.history.replaceState(null, '', url);
}

function shiftOf(session: SessionRow, current: number | null): number | null {
  if (session.shifts.some((shift) => shift.id === current)) return current;
  const now = new Date().toISOString();
  return (session.shifts.find((shift) => shift.starts_at <= now && now < shift.ends_at) ?? session.shifts[0])?.id ?? null;
}

export function useDayChoice(t: Translate, staff: StaffMember) {
  const [scope, setScope] = useState<Scope | null>(null);
  const [date, setDate] = useState(todayInVietnam);
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [shiftId, setShiftId] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const fromAddress = useRef(readShiftParam());
  // What failed to load is read again when the network comes back: the scope, and with it the sessions.
  const [tries, retry] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!loadError) return;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [loadError]);

  const place = useMemo(() => ({ wardIds: scope?.wards.map((ward) => ward.id) ?? [], post: staff.post }), [scope, staff.post]);

  useEffect(() => {
    let live = true;
    loadScope(staff.unit).then(
      (loaded) => live && setScope(loaded),
      () => live && setLoadError(t('errors:network')),
    );
    return () => {
      live = false;
    };
  }, [staff.unit, t, tries]);

  // The sessions of the chosen date; a shift named in the address picks its date and session first.
  useEffect(() => {
    if (!scope) return;
    let live = true;
    void (async () => {
      const wanted = fromAddress.current;
      fromAddress.current = null;
      if (wanted !== null) {
        const found = await readSessionOfShift(place, wanted);
        if (!live) return;
        if (found.ok && found.data) {
          setSessionId(found.data.id);
          setShiftId(wanted);
          // Another date: this effect runs again for it and reads that date's list once.
          if (found.data.session_date !== date) return setDate(found.data.session_date);
        }
      }
      setSessions(null);
      const result = await readSessions(place, date);
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
    // The date drives this (place and t follow the scope and the language); the address is read once.
  }, [scope, place, date, t]);

  const todays = useMemo(() => sessions && sessions.filter((session) => session.session_date === date), [sessions, date]);
  const session = todays?.find((each) => each.id === sessionId) ?? null;
  const nextDate = sessions?.find((each) => each.session_date > date)?.session_date;

  // A session's shift: the one chosen before if it is still there, else the one running now, else the first.
  // While sessions reload (a new date) the choice is kept, so a shift named in the address survives.
  // Adjusted while rendering when the session changes, as React advises for state that follows a prop.
  const [shiftsOf, setShiftsOf] = useState<SessionRow | null>(null);
  if (session !== shiftsOf) {
    setShiftsOf(session);
    if (session) setShiftId((current) => shiftOf(session, current));
  }

  useEffect(() => {
    if (shiftId !== null) writeShiftParam(shiftId);
  }, [shiftId]);

  return { scope, loadError, date, setDate, todays, nextDate, sessionId, setSessionId, session, shiftId, setShiftId };
}
