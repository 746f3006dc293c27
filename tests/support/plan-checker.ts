// A checker of plans written apart from the planner: it reads the plan's input and output and
// says which of the seeds' rules a plan breaks, with its own date and distance arithmetic. It
// imports from src/domain/planner only the types and the two definitions it checks against (the
// 3 km of "near", the 15 days of notice), never the planner's own rules or validation.
import { NEAR_KM } from '../../src/domain/near.ts';
import { NOTICE_DAYS } from '../../src/domain/planner/rules.ts';
import type { PlanInput, PlanOutput, PlanSession } from '../../src/domain/planner/schema.ts';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

// Haversine on a 6371 km sphere.
function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(s));
}

const sessionKey = (session: PlanSession) =>
  JSON.stringify([session.date, session.siteId, session.machineId ?? null, session.shifts.map((shift) => [shift.shift, shift.teamId ?? null, shift.places]).sort()]);

export interface CheckResult {
  /** One line per broken rule and session. */
  violations: string[];
  /** Places offered from today to the deadline. */
  total: number;
}

/** The rules `output` breaks for `input`. */
export function checkPlan(input: PlanInput, output: PlanOutput): CheckResult {
  const violations: string[] = [];
  const sites = new Map(input.sites.map((site) => [site.id, site]));
  const teams = new Map(input.teams.map((team) => [team.id, team]));
  const machines = new Set(input.machines.map((machine) => machine.id));
  const today = day(input.today);
  const busy = new Set<string>();
  const teamDay = new Map<string, number>();
  let total = 0;

  const inNotice = (date: string) => day(date) >= today && day(date) < today + NOTICE_DAYS;
  const wanted = input.published.filter((session) => inNotice(session.date)).map(sessionKey).sort();
  const kept = output.sessions.filter((session) => inNotice(session.date)).map(sessionKey).sort();
  if (JSON.stringify(wanted) !== JSON.stringify(kept)) violations.push(`15-day notice: the days to ${NOTICE_DAYS} days ahead do not hold exactly the published sessions`);
  const planKeys = new Set(output.sessions.map(sessionKey));
  // Sessions that exist already (published, or made in the console) are kept as they are: one made
  // outside a plan has no machine or team the plan knows of.
  const existing = new Set(input.published.map(sessionKey));
  for (const lock of input.locked) {
    if (day(lock.date) >= today + NOTICE_DAYS && !planKeys.has(sessionKey(lock))) violations.push(`lock not kept: ${lock.siteId} on ${lock.date}`);
  }

  for (const session of output.sessions) {
    const where = `${session.siteId} on ${session.date}`;
    const site = sites.get(session.siteId);
    if (site === undefined) {
      violations.push(`unknown site: ${where}`);
      continue;
    }
    if (day(session.date) < day(input.startsOn) || day(session.date) > day(input.deadline)) violations.push(`outside the campaign: ${where}`);
    if (input.daysOff.includes(session.date)) violations.push(`on a day off: ${where}`);
    if (busy.has(`site ${session.date} ${site.id}`)) violations.push(`two sessions at one site a day: ${where}`);
    busy.add(`site ${session.date} ${site.id}`);
    const published = inNotice(session.date);
    if (!published) {
      const known = session.machineId === undefined ? existing.has(sessionKey(session)) : machines.has(session.machineId);
      if (!known) violations.push(`no machine of the input: ${where}`);
      if (site.dates !== undefined && !site.dates.includes(session.date)) violations.push(`not on a date the site asked for: ${where}`);
      if (site.closedOn?.includes(session.date)) violations.push(`a day the site has another session: ${where}`);
    }
    for (const shift of session.shifts) {
      if (day(session.date) >= today && day(session.date) <= day(input.deadline)) total += shift.places;
      if (published) continue;
      const at = `${where}, shift ${shift.shift}`;
      if (session.machineId !== undefined) {
        if (busy.has(`machine ${session.date} ${shift.shift} ${session.machineId}`)) violations.push(`machine in two places: ${at}`);
        busy.add(`machine ${session.date} ${shift.shift} ${session.machineId}`);
      }
      const team = shift.teamId === undefined ? undefined : teams.get(shift.teamId);
      if (team === undefined) {
        if (shift.teamId !== undefined || !existing.has(sessionKey(session))) violations.push(`no team of the input: ${at}`);
        continue;
      }
      if (busy.has(`team ${session.date} ${shift.shift} ${team.id}`)) violations.push(`team in two places: ${at}`);
      busy.add(`team ${session.date} ${shift.shift} ${team.id}`);
      teamDay.set(`${session.date} ${team.id}`, (teamDay.get(`${session.date} ${team.id}`) ?? 0) + 1);
      if (team.daysOff.includes(session.date)) violations.push(`team on its day off: ${at}`);
      if (shift.shift === 3 && km(site, team.base) > NEAR_KM) violations.push(`evening at a far site: ${at}`);
      if (shift.places < 1 || shift.places > team.places || shift.places > site.places[shift.shift - 1]!) violations.push(`places above the team's or the site's: ${at}`);
    }
  }
  for (const [key, shifts] of teamDay) if (shifts > input.teamShiftsPerDay) violations.push(`team works ${shifts} shifts a day: ${key}`);
  if (output.totals.planned !== total) violations.push(`totals say ${output.totals.planned} places, the sessions hold ${total}`);
  if (output.totals.met !== total >= input.quota) violations.push(`totals say met = ${output.totals.met} for ${total} of ${input.quota}`);
  return { violations, total };
}
