// The checker must see each broken rule, or the planner's tests could pass on a broken plan.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { plan } from '../../src/domain/planner/plan.ts';
import type { PlanInput, PlanOutput, PlannedSession } from '../../src/domain/planner/schema.ts';
import { thanhPhoHue2025 } from '../../bench/support/plan-input.ts';
import { checkPlan } from '../support/plan-checker.ts';

const today = '2026-06-01';
const input: PlanInput = {
  ...thanhPhoHue2025({ today, startsOn: today, days: 45, people: 2000, machines: 14, teams: 42 }),
  published: [{ date: addDays(today, 2), siteId: '19753', shifts: [{ shift: 1, places: 90 }] }],
};
const good = plan(input);
const planned = good.sessions.filter((session) => session.source === 'planned');
const farTeam = input.teams.find((team) => team.id === 'T40')!;

const broken = (change: (sessions: PlannedSession[]) => PlannedSession[], into: Partial<PlanInput> = {}): string[] =>
  checkPlan({ ...input, ...into }, { ...good, sessions: change(structuredClone(good.sessions)) } satisfies PlanOutput).violations;

// The first planned session's index, and another planned session on the same day.
const first = good.sessions.indexOf(planned[0]!);
const sameDay = good.sessions.findIndex((session, index) => index !== first && session.source === 'planned' && session.date === planned[0]!.date);

describe('the plan checker', () => {
  it('finds nothing wrong with the planner’s plan', () => {
    expect(checkPlan(input, good).violations).toEqual([]);
  });

  it('sees an evening shift at a site far from the team’s base', () => {
    const far = input.sites.find((site) => Math.abs(site.lat - farTeam.base.lat) > 0.1)!;
    const index = good.sessions.findIndex((session) => session.source === 'planned' && session.siteId === far.id);
    const violations = broken((sessions) => {
      sessions[index]!.shifts = [{ shift: 3, teamId: farTeam.id, places: 40 }];
      return sessions;
    });
    expect(violations.some((line) => line.startsWith('evening at a far site'))).toBe(true);
  });

  it('sees a team or a machine in two places at once', () => {
    const violations = broken((sessions) => {
      sessions[sameDay]!.machineId = sessions[first]!.machineId;
      sessions[sameDay]!.shifts[0] = { ...sessions[first]!.shifts[0]!, places: 10 };
      return sessions;
    });
    expect(violations.some((line) => line.startsWith('machine in two places'))).toBe(true);
    expect(violations.some((line) => line.startsWith('team in two places'))).toBe(true);
  });

  it('sees a team working more shifts a day than the officer’s setting', () => {
    const violations = broken((sessions) => {
      const teamId = sessions[first]!.shifts[0]!.teamId;
      sessions[first]!.shifts = sessions[first]!.shifts.map((shift) => ({ ...shift, teamId }));
      return sessions;
    });
    expect(violations.some((line) => line.startsWith('team works'))).toBe(true);
  });

  it('sees a shift above the team’s places and the site’s', () => {
    const violations = broken((sessions) => {
      sessions[first]!.shifts[0]!.places = 500;
      return sessions;
    });
    expect(violations.some((line) => line.startsWith('places above'))).toBe(true);
  });

  it('sees the 15-day notice broken, a lock dropped, a day off worked, wrong totals', () => {
    const early = { date: addDays(today, 3), siteId: '19753', machineId: 'M1', shifts: [{ shift: 1 as const, teamId: 'T1', places: 90 }], source: 'planned' as const };
    expect(broken((sessions) => [...sessions, early]).some((line) => line.startsWith('15-day notice'))).toBe(true);
    expect(broken((sessions) => sessions.filter((session) => session.source !== 'published')).some((line) => line.startsWith('15-day notice'))).toBe(true);
    const lock = { ...planned[0]!, machineId: 'M14' };
    expect(broken((sessions) => sessions, { locked: [lock] }).some((line) => line.startsWith('lock not kept'))).toBe(true);
    expect(broken((sessions) => sessions, { daysOff: [planned[0]!.date] }).some((line) => line.startsWith('on a day off'))).toBe(true);
    expect(broken((sessions) => sessions.slice(1)).some((line) => line.startsWith('totals say'))).toBe(true);
  });
});
