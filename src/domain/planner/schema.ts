// What the planner takes and gives, as zod/mini schemas: the console fills the input from its
// tables (campaign, unit quotas, sites, machines, teams, days off, published sessions, locks) and
// shows, edits and publishes the output. zod/mini because the planner runs in the officer's browser.
// The console builds the input from the database, so a refused input is a programming error: its
// messages are for developers, not translated.
import {
  _default, array, int, literal, nullable, number, object, optional, refine, string, tuple, union, type output,
  gte, lte, minLength, positive, boolean,
} from 'zod/mini';
import { isIsoDate } from '../dates.ts';
import { shiftNumbers } from './shifts.ts';

const isoDate = string().check(refine(isIsoDate, 'a YYYY-MM-DD date'));
const id = string().check(minLength(1));
const count = number().check(int(), gte(0));
const point = { lat: number().check(gte(-90), lte(90)), lng: number().check(gte(-180), lte(180)) };

const shiftNumber = literal(shiftNumbers);

/** A unit of the campaign's set (a 2021 district or commune, a 2025 commune) and its people still to take in. */
export const planUnit = object({ code: id, people: count });

/**
 * A place where sessions are held. `places`: at most this many people per shift (1, 2, 3; 0 = no
 * such shift there). Its people are its own `people` when given (a school's or an enterprise's
 * list), else an equal share of what its unit still has to take in beyond such lists. `dates`:
 * sessions only on these dates (a school or an enterprise that asked for a session on site).
 */
export const planSite = object({
  id,
  unitCode: id,
  ...point,
  places: tuple([count, count, count]),
  people: optional(count),
  dates: optional(array(isoDate)),
  /** Dates the site has a session outside the plan (another campaign's, a cancelled one): a site holds one a day. */
  closedOn: optional(array(isoDate)),
});

/** An intake kit. Machines don't rest: one can be at a site every day, all three shifts. */
export const planMachine = object({ id });

/** A mobile team: the police station it leaves from, the people it can take in per shift, its days off. */
export const planTeam = object({
  id,
  base: object(point),
  places: number().check(int(), positive()),
  daysOff: _default(array(isoDate), []),
});

export const planShift = object({ shift: shiftNumber, teamId: optional(id), places: number().check(int(), positive()) });

/**
 * A session: one site on one date, with one machine and a team per shift. Sessions already
 * published may lack machine and teams (the database records neither yet).
 */
export const planSession = object({ date: isoDate, siteId: id, machineId: optional(id), shifts: array(planShift).check(minLength(1)) });

export const planInput = object({
  /** The day the plan is made: sessions before today + NOTICE_DAYS are the published ones only. */
  today: isoDate,
  startsOn: isoDate,
  deadline: isoDate,
  /** Applications still to take in from today on. */
  quota: count,
  units: array(planUnit),
  sites: array(planSite),
  machines: array(planMachine),
  teams: array(planTeam),
  /** Days without any session (holidays). */
  daysOff: _default(array(isoDate), []),
  /** The officer's setting: how many shifts a day one team works. */
  teamShiftsPerDay: _default(number().check(int(), gte(1), lte(3)), 1),
  /** Sessions already published (from today on); those within the notice stay exactly as they are. */
  published: _default(array(planSession), []),
  /** Sessions the officer fixed: kept as they are, the rest is planned around them. */
  locked: _default(array(planSession), []),
}).check(
  refine((input) => input.startsOn <= input.deadline, { message: 'the deadline is before the start', path: ['deadline'] }),
  refine((input) => input.today <= input.deadline, { message: 'the deadline is past', path: ['deadline'] }),
);

/** Where a plan's session comes from. */
const sessionSource = union([literal('published'), literal('locked'), literal('planned')]);
export const plannedSession = object({ ...planSession.shape, source: sessionSource });

/**
 * What a plan that misses the quota would need, each found by planning again with more of that
 * one thing and all else as given; `need` null: more of it alone does not reach the quota.
 * machines, teams: how many; days: the days with sessions the plan can use (and `deadline`, the
 * last of them); shifts: shifts a day per team; machines and teams, when neither alone will do:
 * both, teams growing with machines in the proportion given. people: the units' people to take in add up to
 * less than the quota. sites: units with people to take in and no site.
 */
export const planShortfall = union([
  object({ resource: union([literal('machines'), literal('teams'), literal('shifts')]), have: count, need: nullable(count) }),
  object({ resource: literal('days'), have: count, need: nullable(count), deadline: nullable(isoDate) }),
  object({
    resource: literal('machines and teams'),
    have: object({ machines: count, teams: count }),
    need: nullable(object({ machines: count, teams: count })),
  }),
  object({ resource: literal('people'), have: count, need: count }),
  object({ resource: literal('sites'), units: array(id) }),
]);

/** A day of the projected progress curve: places that day and in all from today. */
export const planDay = object({ date: isoDate, places: count, cumulative: count });

export const planOutput = object({
  sessions: array(plannedSession),
  totals: object({ quota: count, planned: count, met: boolean() }),
  curve: array(planDay),
  shortfall: array(planShortfall),
});

export type PlanInput = output<typeof planInput>;
export type PlanSite = output<typeof planSite>;
export type PlanTeam = output<typeof planTeam>;
export type PlanSession = output<typeof planSession>;
export type PlannedSession = output<typeof plannedSession>;
export type PlanShortfall = output<typeof planShortfall>;
export type PlanDay = output<typeof planDay>;
export type PlanOutput = output<typeof planOutput>;
