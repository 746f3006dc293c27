// The seeds' rules, each defined once with the data it uses. The planner (plan.ts) applies them;
// the console shows them to the officer in these words.
import { addDays, daysBetween } from '../dates.ts';
import { distanceKm, isNear } from '../near.ts';
import type { PlanInput, PlanSession, PlanSite, PlanTeam } from './schema.ts';
import { eveningShift, type ShiftNumber } from './shifts.ts';

/**
 * "Schedules reach each commune 15 days ahead" (Bắc Kạn directive), a hard rule: the days from
 * today to today + 14 keep exactly the sessions already published; planning starts at today + 15.
 */
export const NOTICE_DAYS = 15;

/** The first day a plan made today may change. */
export const noticeEnd = (today: string): string => addDays(today, NOTICE_DAYS);

/** Whether `date` is inside the notice: from today to the day before noticeEnd. */
export const withinNotice = (date: string, today: string): boolean =>
  daysBetween(today, date) >= 0 && daysBetween(today, date) < NOTICE_DAYS;

/**
 * "Near ones at night, far ones by day": the evening shift (17–22) only at a site near the base of
 * the team that works it (within NEAR_KM, the citizen-side hint's "near"); day shifts anywhere.
 */
export const shiftAllowed = (site: PlanSite, shift: ShiftNumber, team: PlanTeam): boolean =>
  shift !== eveningShift || isNear(site, team.base);

/** The days the plan may add sessions on: from the later of the start and noticeEnd to the deadline, but for days off. */
export function planningDays(input: Pick<PlanInput, 'today' | 'startsOn' | 'deadline' | 'daysOff'>): string[] {
  const first = daysBetween(input.startsOn, noticeEnd(input.today)) > 0 ? noticeEnd(input.today) : input.startsOn;
  const off = new Set(input.daysOff);
  const days: string[] = [];
  for (let date = first; daysBetween(date, input.deadline) >= 0; date = addDays(date, 1)) if (!off.has(date)) days.push(date);
  return days;
}

/** A site takes sessions on any day, or only on the dates it asked for (schools, enterprises), never on a day it has a session outside the plan. */
export const siteOpen = (site: PlanSite, date: string): boolean =>
  (site.dates === undefined || site.dates.includes(date)) && !(site.closedOn?.includes(date) ?? false);

/** People to take in at each site: its own list, else an equal share of its unit's people beyond the lists. */
export function sitePeople(input: Pick<PlanInput, 'units' | 'sites'>): Map<string, number> {
  const people = new Map<string, number>();
  for (const unit of input.units) {
    const sites = input.sites.filter((site) => site.unitCode === unit.code);
    const listed = sites.reduce((sum, site) => sum + (site.people ?? 0), 0);
    const shared = sites.filter((site) => site.people === undefined);
    const rest = Math.max(0, unit.people - listed);
    shared.forEach((site, index) => {
      // Whole people: the first sites take the remainder of the division.
      people.set(site.id, Math.floor(rest / shared.length) + (index < rest % shared.length ? 1 : 0));
    });
    for (const site of sites) if (site.people !== undefined) people.set(site.id, site.people);
  }
  return people;
}

/** Units with people to take in and no site: the plan cannot reach them. */
export const unitsWithoutSites = (input: Pick<PlanInput, 'units' | 'sites'>): string[] =>
  input.units.filter((unit) => unit.people > 0 && !input.sites.some((site) => site.unitCode === unit.code)).map((unit) => unit.code);

/**
 * "Easy first, hard later": a site is the easier the nearer it is to a team's base (the km a team
 * travels to it). Infinity when there are no teams.
 */
export const easiness = (site: PlanSite, teams: readonly PlanTeam[]): number =>
  Math.min(...teams.map((team) => distanceKm(site, team.base)));

/**
 * The places one session at `site` offers a day: every shift it has where a team's base is near,
 * day shifts only elsewhere ("near ones at night, far ones by day").
 */
export const dayPlaces = (site: PlanSite, teams: readonly PlanTeam[]): number =>
  site.places.reduce((sum, places, index) => (index + 1 !== eveningShift || teams.some((team) => shiftAllowed(site, eveningShift, team)) ? sum + places : sum), 0);

/**
 * "Concentrated first, dispersed later": a site's people gathered at one place, counted as the
 * days of sessions they need (people ÷ dayPlaces); the more days, the more concentrated.
 * Infinity for a site with people and no places, 0 for one without people.
 */
export const concentration = (people: number, placesADay: number): number => (people > 0 ? people / placesADay : 0);

/**
 * The order sites get machines in, each day, from the people still `left` at each: a site with its
 * own dates (a school, an enterprise that asked) first on those dates; then concentrated first
 * (the most days of sessions still needed first: the site with the most people gathered starts
 * first, and as days pass the sites' remaining days even out, so all can end by the deadline);
 * then easy first; then by id, so a plan is the same every time.
 */
export function siteOrder(left: ReadonlyMap<string, number>, teams: readonly PlanTeam[]) {
  const fixed = new Map<string, { places: number; easy: number }>();
  const about = (site: PlanSite) => {
    const known = fixed.get(site.id) ?? { places: dayPlaces(site, teams), easy: easiness(site, teams) };
    fixed.set(site.id, known);
    return known;
  };
  const days = (site: PlanSite) => concentration(left.get(site.id) ?? 0, about(site).places);
  return (a: PlanSite, b: PlanSite): number =>
    Number(b.dates !== undefined) - Number(a.dates !== undefined) ||
    days(b) - days(a) ||
    about(a).easy - about(b).easy ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The places a session offers. */
export const sessionPlaces = (session: Pick<PlanSession, 'shifts'>): number =>
  session.shifts.reduce((sum, shift) => sum + shift.places, 0);
