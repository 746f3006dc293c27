// What a plan that misses the quota would need. Each resource is found by planning again with
// more of it and everything else as given (a doubling search, then halving), so the answer is
// what this planner would actually do with it, not a bound; null when more of it alone, up to the
// point where it cannot help any more, does not reach the quota.
import { addDays } from '../dates.ts';
import { plannedTotal } from './progress.ts';
import { planningDays, unitsWithoutSites } from './rules.ts';
import { schedule } from './schedule.ts';
import type { PlanInput, PlanShortfall, PlanTeam } from './schema.ts';

const meets = (input: PlanInput): boolean => plannedTotal(input, schedule(input)) >= input.quota;

// The least n in (have, most] for which `variant(n)` meets the quota, or null.
function least(have: number, most: number, variant: (n: number) => PlanInput): number | null {
  let low = have;
  let high = Math.max(have + 1, 1);
  while (high < most && !meets(variant(high))) [low, high] = [high, Math.min(most, high * 2)];
  if (high > most || !meets(variant(high))) return null;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(variant(middle))) high = middle;
    else low = middle;
  }
  return high;
}

// The machines given, and more up to n.
const withMachines = (input: PlanInput, n: number) =>
  Array.from({ length: n }, (_, index) => input.machines[index] ?? { id: `+${index - input.machines.length + 1}` });

// The teams given, and up to n with copies of them in turn (same base and places, no days off).
function withTeams(input: PlanInput, n: number): PlanTeam[] {
  const rounds = Math.ceil(n / input.teams.length);
  const copies = Array.from({ length: rounds }, (_, round) => input.teams.map((team) => ({ ...team, id: `${team.id}+${round + 1}`, daysOff: [] })));
  return [...input.teams, ...copies.flat()].slice(0, n);
}

/** The shortfall of `input`'s plan, [] when it meets the quota. */
export function shortfall(input: PlanInput, planned: number): PlanShortfall[] {
  if (planned >= input.quota) return [];
  const found: PlanShortfall[] = [];
  const noSites = unitsWithoutSites(input);
  if (noSites.length > 0) found.push({ resource: 'sites', units: noSites });
  const people = input.units.reduce((sum, unit) => sum + unit.people, 0);
  if (people < input.quota) found.push({ resource: 'people', have: people, need: input.quota });

  // Past one machine per site, or three teams a day per site, more cannot help.
  const mostMachines = Math.max(input.sites.length, input.machines.length);
  const mostTeams = Math.max(3 * input.sites.length, input.teams.length);
  const machines = least(input.machines.length, mostMachines, (n) => ({ ...input, machines: withMachines(input, n) }));
  found.push({ resource: 'machines', have: input.machines.length, need: machines });
  const teams = input.teams.length === 0 ? null : least(input.teams.length, mostTeams, (n) => ({ ...input, teams: withTeams(input, n) }));
  found.push({ resource: 'teams', have: input.teams.length, need: teams });

  // Neither alone: both, teams growing with the machines in the proportion given.
  if (machines === null && teams === null && input.machines.length > 0 && input.teams.length > 0) {
    const ratio = input.teams.length / input.machines.length;
    const teamsFor = (n: number) => Math.min(mostTeams, Math.ceil(n * ratio));
    const both = least(input.machines.length, mostMachines, (n) => ({ ...input, machines: withMachines(input, n), teams: withTeams(input, teamsFor(n)) }));
    found.push({
      resource: 'machines and teams',
      have: { machines: input.machines.length, teams: input.teams.length },
      need: both === null ? null : { machines: both, teams: teamsFor(both) },
    });
  }

  const shifts = least(input.teamShiftsPerDay, 3, (n) => ({ ...input, teamShiftsPerDay: n }));
  found.push({ resource: 'shifts', have: input.teamShiftsPerDay, need: shifts });

  const withDays = (extra: number) => ({ ...input, deadline: addDays(input.deadline, extra) });
  const extra = least(0, 366, withDays);
  found.push({
    resource: 'days',
    have: planningDays(input).length,
    need: extra === null ? null : planningDays(withDays(extra)).length,
    deadline: extra === null ? null : addDays(input.deadline, extra),
  });
  return found;
}
