// The officer's edits of a plan in the console, each a pure function from the plan's sessions to
// new ones (or the reason it is refused), and what a re-plan keeps. The rules an edit could break
// are the planner's (rules.ts): a published session is changed only through the sessions page, the
// notice's days are fixed, a machine is at one site a day, a team works a shift once and at most
// its shifts a day; one session per site and day as the database has it.
import { daysBetween } from '../dates.ts';
import { plan } from './plan.ts';
import { noticeEnd, withinNotice } from './rules.ts';
import type { PlanInput, PlanOutput, PlanSession, PlannedSession } from './schema.ts';
import type { ShiftNumber } from './shifts.ts';

/** A session is its site on its date (the database's unique pair). */
export interface SessionKey {
  date: string;
  siteId: string;
}

export const isSession = (key: SessionKey) => (session: SessionKey): boolean => session.date === key.date && session.siteId === key.siteId;

/** Places per shift the database accepts (staff_save_plan checks 1..5000 too). */
export const MAX_SHIFT_PLACES = 5000;

export type EditRefusal =
  /** The session is published: it changes on the sessions page, not here. */
  | 'published'
  /** No such session (the plan changed under the form). */
  | 'missing'
  /** The date is within the 15-day notice, or outside the campaign. */
  | 'fixed_day'
  /** The site already has a session that day. */
  | 'site_taken'
  /** The machine is at another site that day. */
  | 'machine_busy'
  /** The team works that shift elsewhere, or has reached its shifts a day. */
  | 'team_busy'
  /** Places not a whole number from 1 to MAX_SHIFT_PLACES. */
  | 'places';

export type EditResult = { ok: true; sessions: PlannedSession[] } | { ok: false; reason: EditRefusal };

/** What an edit needs to know of the plan beyond its sessions. */
export interface EditContext {
  today: string;
  /** The campaign's last day: a session moved past it is refused. */
  deadline: string;
  /** How many shifts a day one team works (the officer's setting). */
  teamShiftsPerDay: number;
}

const refused = (reason: EditRefusal): EditResult => ({ ok: false, reason });

/** The days an edit may put a session on: from the end of the notice to the deadline. */
export const editableDay = (date: string, context: Pick<EditContext, 'today' | 'deadline'>): boolean =>
  daysBetween(noticeEnd(context.today), date) >= 0 && daysBetween(date, context.deadline) >= 0;

// Applies `change` to the session at `key`, refusing a published or missing one.
function update(sessions: readonly PlannedSession[], key: SessionKey, change: (session: PlannedSession) => PlannedSession | EditRefusal): EditResult {
  const index = sessions.findIndex(isSession(key));
  const session = sessions[index];
  if (session === undefined) return refused('missing');
  if (session.source === 'published') return refused('published');
  const changed = change(session);
  if (typeof changed === 'string') return refused(changed);
  return { ok: true, sessions: sessions.map((each, at) => (at === index ? changed : each)) };
}

const others = (sessions: readonly PlannedSession[], key: SessionKey, date: string) =>
  sessions.filter((session) => session.date === date && !isSession(key)(session));

const machineFree = (sessions: readonly PlannedSession[], key: SessionKey, date: string, machineId: string) =>
  !others(sessions, key, date).some((session) => session.machineId === machineId);

// Whether `teamId` may work `shift` at the session `key` on `date`: not that shift elsewhere, and
// within its shifts a day counting the session's own other shifts.
function teamFree(sessions: readonly PlannedSession[], key: SessionKey, date: string, shift: ShiftNumber, teamId: string, context: EditContext, own: PlanSession['shifts']) {
  const elsewhere = others(sessions, key, date).flatMap((session) => session.shifts).filter((each) => each.teamId === teamId);
  const here = own.filter((each) => each.shift !== shift && each.teamId === teamId);
  return !elsewhere.some((each) => each.shift === shift) && elsewhere.length + here.length < context.teamShiftsPerDay;
}

/**
 * Moves a session to another date and/or site. Its machine and teams go with it where they are free
 * there that day; those busy are left out (the officer assigns others), so a move never breaks a rule.
 */
export function moveSession(sessions: readonly PlannedSession[], key: SessionKey, to: SessionKey, context: EditContext): EditResult {
  if (!editableDay(to.date, context)) return refused('fixed_day');
  if (!isSession(key)(to) && sessions.some(isSession(to))) return refused('site_taken');
  return update(sessions, key, (session) => {
    const machineId = session.machineId !== undefined && machineFree(sessions, key, to.date, session.machineId) ? session.machineId : undefined;
    const kept: PlanSession['shifts'] = [];
    for (const shift of session.shifts) {
      const free = shift.teamId !== undefined && teamFree(sessions, key, to.date, shift.shift, shift.teamId, context, kept);
      kept.push(withTeam(shift, free ? shift.teamId : undefined));
    }
    return { ...withoutMachine(session), ...(machineId === undefined ? {} : { machineId }), date: to.date, siteId: to.siteId, shifts: kept };
  });
}

const withoutMachine = ({ machineId: _, ...session }: PlannedSession): PlannedSession => session;

/** Removes a session that is not published. */
export function removeSession(sessions: readonly PlannedSession[], key: SessionKey): EditResult {
  const result = update(sessions, key, (session) => session);
  return result.ok ? { ok: true, sessions: sessions.filter((session) => !isSession(key)(session)) } : result;
}

/** Sets a shift's places (a whole number from 1 to MAX_SHIFT_PLACES). */
export function setPlaces(sessions: readonly PlannedSession[], key: SessionKey, shift: ShiftNumber, places: number): EditResult {
  if (!Number.isInteger(places) || places < 1 || places > MAX_SHIFT_PLACES) return refused('places');
  return update(sessions, key, (session) =>
    session.shifts.some((each) => each.shift === shift)
      ? { ...session, shifts: session.shifts.map((each) => (each.shift === shift ? { ...each, places } : each)) }
      : 'missing',
  );
}

/** Puts a machine on a session (undefined: none), refused when it is at another site that day. */
export function assignMachine(sessions: readonly PlannedSession[], key: SessionKey, machineId: string | undefined): EditResult {
  return update(sessions, key, (session) => {
    if (machineId === undefined) return withoutMachine(session);
    return machineFree(sessions, key, session.date, machineId) ? { ...session, machineId } : 'machine_busy';
  });
}

/** Puts a team on one shift of a session (undefined: none), refused when it cannot work it. */
export function assignTeam(sessions: readonly PlannedSession[], key: SessionKey, shift: ShiftNumber, teamId: string | undefined, context: EditContext): EditResult {
  return update(sessions, key, (session) => {
    if (!session.shifts.some((each) => each.shift === shift)) return 'missing';
    if (teamId !== undefined && !teamFree(sessions, key, session.date, shift, teamId, context, session.shifts)) return 'team_busy';
    return { ...session, shifts: session.shifts.map((each) => (each.shift === shift ? withTeam(each, teamId) : each)) };
  });
}

const withTeam = ({ teamId: _, ...shift }: PlanSession['shifts'][number], teamId: string | undefined) => (teamId === undefined ? shift : { ...shift, teamId });

/** Locks or unlocks a session: a locked one is kept as it is by a re-plan. */
export function setLocked(sessions: readonly PlannedSession[], key: SessionKey, locked: boolean): EditResult {
  return update(sessions, key, (session) => ({ ...session, source: locked ? 'locked' : 'planned' }));
}

/** Locks or unlocks every session of a day but the published ones (which stay as they are anyway). */
export function setDayLocked(sessions: readonly PlannedSession[], date: string, locked: boolean): PlannedSession[] {
  return sessions.map((session) => (session.date !== date || session.source === 'published' ? session : { ...session, source: locked ? 'locked' : 'planned' }));
}

const stripSource = ({ source: _, ...session }: PlannedSession): PlanSession => session;

/**
 * What a re-plan keeps: the published sessions (those within the notice as the planner keeps them;
 * those after it as locks, so the plan does not put a second session on their site and day) and the
 * officer's locks. Everything else is planned again.
 */
export function replanInput(input: PlanInput, sessions: readonly PlannedSession[]): PlanInput {
  const publishedLater = input.published.filter((session) => !withinNotice(session.date, input.today));
  const locks = sessions.filter((session) => session.source === 'locked').map(stripSource);
  return { ...input, locked: [...publishedLater, ...locks.filter((lock) => !publishedLater.some(isSession(lock)))] };
}

/** Re-plans around what `replanInput` keeps; the published sessions after the notice are shown as published again. */
export function replan(input: PlanInput, sessions: readonly PlannedSession[]): PlanOutput {
  const output = plan(replanInput(input, sessions));
  const published = input.published.filter((session) => !withinNotice(session.date, input.today));
  return {
    ...output,
    sessions: output.sessions.map((session) => (published.some(isSession(session)) ? { ...session, source: 'published' as const } : session)),
  };
}

/** What publishing the draft would make: how many sessions, on which dates (sorted, each once). */
export function publishSummary(sessions: readonly PlannedSession[]): { sessions: number; dates: string[] } {
  const draft = sessions.filter((session) => session.source !== 'published');
  return { sessions: draft.length, dates: [...new Set(draft.map((session) => session.date))].sort() };
}
