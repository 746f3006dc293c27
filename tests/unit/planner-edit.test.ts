import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import {
  assignMachine, assignTeam, editableDay, moveSession, publishSummary, removeSession, replan, replanInput, setDayLocked, setLocked, setPlaces,
  type EditResult,
} from '../../src/domain/planner/edit.ts';
import { plan } from '../../src/domain/planner/plan.ts';
import type { PlannedSession } from '../../src/domain/planner/schema.ts';
import { thanhPhoHue2025 } from '../../bench/support/plan-input.ts';
import { checkPlan } from '../support/plan-checker.ts';

const today = '2026-06-01';
const first = addDays(today, 15);
const second = addDays(today, 16);
const context = { today, deadline: addDays(today, 40), teamShiftsPerDay: 1 };

const sessions: PlannedSession[] = [
  { date: addDays(today, 3), siteId: 'P', machineId: 'M9', shifts: [{ shift: 1, places: 50 }], source: 'published' },
  { date: first, siteId: 'A', machineId: 'M1', shifts: [{ shift: 1, teamId: 'T1', places: 80 }, { shift: 2, teamId: 'T2', places: 80 }], source: 'planned' },
  { date: first, siteId: 'B', machineId: 'M2', shifts: [{ shift: 1, teamId: 'T3', places: 60 }], source: 'planned' },
  { date: second, siteId: 'C', machineId: 'M1', shifts: [{ shift: 1, teamId: 'T1', places: 90 }], source: 'locked' },
];
const A = { date: first, siteId: 'A' };
const B = { date: first, siteId: 'B' };
const published = { date: addDays(today, 3), siteId: 'P' };

const edited = (result: EditResult): PlannedSession[] => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.sessions;
};
const find = (list: PlannedSession[], key: { date: string; siteId: string }) => list.find((s) => s.date === key.date && s.siteId === key.siteId);

describe('editing a session', () => {
  it('a published session is changed on the sessions page, not here', () => {
    expect(removeSession(sessions, published)).toEqual({ ok: false, reason: 'published' });
    expect(setPlaces(sessions, published, 1, 40)).toEqual({ ok: false, reason: 'published' });
    expect(setLocked(sessions, published, true)).toEqual({ ok: false, reason: 'published' });
    expect(assignMachine(sessions, { date: 'x', siteId: 'none' }, 'M1')).toEqual({ ok: false, reason: 'missing' });
  });

  it('moves to a free day, keeping the machine and teams that are free there and leaving out the busy ones', () => {
    // On `second`, M1 and T1 work at C: A arrives without them, with T2 still on its second shift.
    const moved = find(edited(moveSession(sessions, A, { date: second, siteId: 'A' }, context)), { date: second, siteId: 'A' });
    expect(moved).toEqual({ date: second, siteId: 'A', shifts: [{ shift: 1, places: 80 }, { shift: 2, teamId: 'T2', places: 80 }], source: 'planned' });
    // To another site the same day: everything goes with it.
    const elsewhere = edited(moveSession(sessions, A, { date: first, siteId: 'D' }, context));
    expect(find(elsewhere, { date: first, siteId: 'D' })).toMatchObject({ machineId: 'M1', shifts: [{ teamId: 'T1' }, { teamId: 'T2' }] });
    expect(find(elsewhere, A)).toBeUndefined();
  });

  it('refuses a move into the notice, past the deadline or onto a site that has a session that day', () => {
    expect(moveSession(sessions, A, { date: addDays(today, 14), siteId: 'A' }, context)).toEqual({ ok: false, reason: 'fixed_day' });
    expect(moveSession(sessions, A, { date: addDays(context.deadline, 1), siteId: 'A' }, context)).toEqual({ ok: false, reason: 'fixed_day' });
    expect(moveSession(sessions, A, B, context)).toEqual({ ok: false, reason: 'site_taken' });
    expect(editableDay(first, context)).toBe(true);
    expect(editableDay(context.deadline, context)).toBe(true);
  });

  it('sets places within 1 to 5000, on a shift the session has', () => {
    expect(find(edited(setPlaces(sessions, A, 2, 45)), A)?.shifts).toEqual([{ shift: 1, teamId: 'T1', places: 80 }, { shift: 2, teamId: 'T2', places: 45 }]);
    for (const places of [0, 5001, 2.5, Number.NaN]) expect(setPlaces(sessions, A, 1, places)).toEqual({ ok: false, reason: 'places' });
    expect(setPlaces(sessions, B, 3, 10)).toEqual({ ok: false, reason: 'missing' });
  });

  it('assigns a machine only where it is not at another site that day', () => {
    expect(assignMachine(sessions, B, 'M1')).toEqual({ ok: false, reason: 'machine_busy' });
    expect(find(edited(assignMachine(sessions, B, 'M3')), B)?.machineId).toBe('M3');
    expect(find(edited(assignMachine(sessions, B, undefined)), B)).not.toHaveProperty('machineId');
  });

  it('assigns a team only to a shift it can work: not the same shift elsewhere, within its shifts a day', () => {
    expect(assignTeam(sessions, B, 1, 'T1', context)).toEqual({ ok: false, reason: 'team_busy' });
    // T2 works shift 2 at A; with one shift a day it cannot take B's first, with two it can.
    expect(assignTeam(sessions, B, 1, 'T2', context)).toEqual({ ok: false, reason: 'team_busy' });
    expect(find(edited(assignTeam(sessions, B, 1, 'T2', { ...context, teamShiftsPerDay: 2 })), B)?.shifts).toEqual([{ shift: 1, teamId: 'T2', places: 60 }]);
    // Within one session too: T1 on both of A's shifts needs two shifts a day.
    expect(assignTeam(sessions, A, 2, 'T1', context)).toEqual({ ok: false, reason: 'team_busy' });
    expect(find(edited(assignTeam(sessions, A, 2, undefined, context)), A)?.shifts).toEqual([{ shift: 1, teamId: 'T1', places: 80 }, { shift: 2, places: 80 }]);
  });

  it('locks and unlocks a session or a whole day, never touching a published one', () => {
    expect(find(edited(setLocked(sessions, A, true)), A)?.source).toBe('locked');
    expect(find(edited(setLocked(sessions, { date: second, siteId: 'C' }, false)), { date: second, siteId: 'C' })?.source).toBe('planned');
    const day = setDayLocked(sessions, first, true);
    expect(day.filter((s) => s.date === first).map((s) => s.source)).toEqual(['locked', 'locked']);
    expect(setDayLocked(sessions, published.date, true)).toEqual(sessions);
  });

  it('summarises what publishing makes: the sessions not yet published and their dates', () => {
    expect(publishSummary(sessions)).toEqual({ sessions: 3, dates: [first, second] });
  });

  it('removes a planned session', () => {
    expect(edited(removeSession(sessions, B)).map((s) => s.siteId)).toEqual(['P', 'A', 'C']);
  });
});

describe('re-planning', () => {
  const input = thanhPhoHue2025({ today, startsOn: first, days: 20, people: 600, machines: 6, teams: 18 });

  it('keeps the locked sessions as they are and the published ones as published, and plans the rest apart from them', () => {
    const before = plan(input).sessions;
    const lockedOne = before.find((s) => s.date === addDays(first, 2))!;
    // The officer edits a session, locks it and re-plans.
    const edits = edited(setLocked(edited(setPlaces(before, lockedOne, lockedOne.shifts[0]!.shift, 7)), lockedOne, true));
    // A session published from an earlier plan, after the notice: kept with its machine and team, shown as published.
    const later = { date: addDays(first, 5), siteId: input.sites[0]!.id, machineId: 'M1', shifts: [{ shift: 1 as const, teamId: 'T1', places: 30 }] };
    const withPublished = { ...input, published: [later] };
    const output = replan(withPublished, edits);
    expect(find(output.sessions, lockedOne)).toEqual({ ...find(edits, lockedOne), source: 'locked' });
    expect(find(output.sessions, later)).toEqual({ ...later, source: 'published' });
    expect(checkPlan(replanInput(withPublished, edits), output).violations).toEqual([]);
    expect(output.sessions.filter((s) => s.source === 'planned').length).toBeGreaterThan(0);
  });

  it('a lock on the site and day of a published session does not keep it twice', () => {
    const later = { date: addDays(first, 5), siteId: 'S', shifts: [{ shift: 1 as const, places: 30 }] };
    const lockedCopy: PlannedSession = { ...later, source: 'locked' };
    expect(replanInput({ ...input, published: [later] }, [lockedCopy]).locked).toEqual([later]);
  });
});
