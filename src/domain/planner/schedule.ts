// The planner's heuristic: a greedy day-by-day assignment, documented in README ("Planning a
// campaign"). Each day, in the rules' site order (rules.ts siteOrder), the next free machine goes
// to the next site with people left, and each shift the site offers gets the nearest team that may
// work it (its day off, its shifts a day, the evening rule); a shift takes no more people than the
// site's places, the team's places and the people left there. Sessions already published within
// the notice and the officer's locks are kept as they are, and their machines, teams and places
// are counted first. Deterministic, and linear in days × sites × teams.
import { daysBetween } from '../dates.ts';
import { distanceKm } from '../near.ts';
import { noticeEnd, planningDays, sessionPlaces, shiftAllowed, siteOpen, siteOrder, sitePeople, withinNotice } from './rules.ts';
import type { PlanInput, PlanSession, PlanSite, PlanTeam, PlannedSession } from './schema.ts';
import { eveningShift, type ShiftNumber } from './shifts.ts';

/** The sessions kept as they are: those published within the notice, and the locks after it. */
export function keptSessions(input: PlanInput): PlannedSession[] {
  const firstFree = noticeEnd(input.today);
  return [
    ...input.published.filter((session) => withinNotice(session.date, input.today)).map((session) => ({ ...session, source: 'published' as const })),
    ...input.locked.filter((session) => daysBetween(firstFree, session.date) >= 0).map((session) => ({ ...session, source: 'locked' as const })),
  ];
}

/** Who is busy on one day: a machine is at one site a day, a team works a shift once and its shifts a day. */
class DayBookings {
  readonly machines = new Set<string>();
  readonly sites = new Set<string>();
  private readonly teamShifts = new Set<string>();
  private readonly teamCounts = new Map<string, number>();

  book(session: PlanSession): void {
    this.sites.add(session.siteId);
    if (session.machineId !== undefined) this.machines.add(session.machineId);
    for (const shift of session.shifts) if (shift.teamId !== undefined) this.bookTeam(shift.shift, shift.teamId);
  }

  bookTeam(shift: number, teamId: string): void {
    this.teamShifts.add(`${shift} ${teamId}`);
    this.teamCounts.set(teamId, (this.teamCounts.get(teamId) ?? 0) + 1);
  }

  teamFree = (shift: number, teamId: string, shiftsPerDay: number): boolean =>
    (this.teamCounts.get(teamId) ?? 0) < shiftsPerDay && !this.teamShifts.has(`${shift} ${teamId}`);
}

/** A team as one site sees it: nearest first, and whether it may work the evening there. */
interface TeamAtSite {
  team: PlanTeam;
  daysOff: ReadonlySet<string>;
  evening: boolean;
}

/** The plan's sessions: the kept ones and those the heuristic adds, by date. */
export function schedule(input: PlanInput): PlannedSession[] {
  const kept = keptSessions(input);
  const days = new Map<string, DayBookings>();
  const bookingsOn = (date: string) => days.get(date) ?? days.set(date, new DayBookings()).get(date)!;
  const left = sitePeople(input);
  for (const session of kept) {
    bookingsOn(session.date).book(session);
    left.set(session.siteId, (left.get(session.siteId) ?? 0) - sessionPlaces(session));
  }
  const sites = [...input.sites];
  const order = siteOrder(left, input.teams);
  const daysOff = new Map(input.teams.map((team) => [team.id, new Set(team.daysOff)]));
  const teamsAt = new Map<string, TeamAtSite[]>(
    sites.map((site) => [
      site.id,
      [...input.teams]
        .sort((a, b) => distanceKm(site, a.base) - distanceKm(site, b.base))
        .map((team) => ({ team, daysOff: daysOff.get(team.id) ?? new Set(), evening: shiftAllowed(site, eveningShift, team) })),
    ]),
  );
  const planned: PlannedSession[] = [];
  for (const date of planningDays(input)) {
    const bookings = bookingsOn(date);
    const machines = input.machines.filter((machine) => !bookings.machines.has(machine.id));
    let nextMachine = 0;
    for (const site of sites.sort(order)) {
      const machine = machines[nextMachine];
      if (machine === undefined) break;
      const people = left.get(site.id) ?? 0;
      if (people <= 0 || !siteOpen(site, date) || bookings.sites.has(site.id)) continue;
      const shifts = staffShifts(input, site, date, people, teamsAt.get(site.id) ?? [], bookings);
      if (shifts.length === 0) continue;
      nextMachine += 1;
      const session = { date, siteId: site.id, machineId: machine.id, shifts, source: 'planned' as const };
      bookings.sites.add(site.id);
      bookings.machines.add(machine.id);
      left.set(site.id, people - sessionPlaces(session));
      planned.push(session);
    }
  }
  return [...kept, ...planned].sort((a, b) => daysBetween(b.date, a.date) || (a.siteId < b.siteId ? -1 : 1));
}

const staffingOrder: readonly ShiftNumber[] = [eveningShift, 1, 2];

// The shifts of one session: for each shift the site offers, the nearest team free to work it
// (booked as it is chosen). The evening first: only teams based near may work it, so the site's
// day shifts must not have taken them.
function staffShifts(input: PlanInput, site: PlanSite, date: string, people: number, teams: readonly TeamAtSite[], bookings: DayBookings) {
  const shifts: { shift: ShiftNumber; teamId: string; places: number }[] = [];
  let left = people;
  for (const shift of staffingOrder) {
    const sitePlaces = site.places[shift - 1] ?? 0;
    if (sitePlaces === 0 || left <= 0) continue;
    const found = teams.find(
      (candidate) =>
        (shift !== eveningShift || candidate.evening) &&
        !candidate.daysOff.has(date) &&
        bookings.teamFree(shift, candidate.team.id, input.teamShiftsPerDay),
    );
    if (found === undefined) continue;
    const places = Math.min(sitePlaces, found.team.places, left);
    shifts.push({ shift, teamId: found.team.id, places });
    bookings.bookTeam(shift, found.team.id);
    left -= places;
  }
  return shifts.sort((a, b) => a.shift - b.shift);
}
