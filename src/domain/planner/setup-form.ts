// The setup form's boxes as typed, and their reading into staff_save_plan_setup's payload: each
// box read once here, each problem named by the box's id and an i18n key of the `planner`
// namespace, so the form can show a summary that links to the boxes.
import { isIsoDate } from '../dates.ts';
import { MAX_SHIFT_PLACES } from './edit.ts';
import type { PlanSetupPayload, PlannerAnswer } from '../planner-store.ts';
import { vietNamBox } from '../viet-nam-box.ts';

export interface TypedMachine {
  /** A key for React and the boxes' ids; the database's id once saved. */
  key: string;
  id?: number;
  label: string;
}

export interface TypedTeam {
  key: string;
  id?: number;
  name: string;
  baseName: string;
  lat: string;
  lng: string;
  places: string;
  daysOff: string;
}

export interface TypedSite {
  siteId: number;
  places: [string, string, string];
  people: string;
  dates: string;
}

export interface TypedSetup {
  shiftsPerDay: string;
  daysOff: string;
  machines: TypedMachine[];
  teams: TypedTeam[];
  sites: TypedSite[];
}

/** A problem with one box: its id and the message's key (with values). */
export interface SetupProblem {
  field: string;
  key: string;
  values?: Record<string, string | number>;
}

export const fieldIds = {
  shiftsPerDay: 'planner-shifts-per-day',
  daysOff: 'planner-days-off',
  machine: (key: string) => `planner-machine-${key}`,
  team: (key: string, part: keyof Omit<TypedTeam, 'key' | 'id'>) => `planner-team-${key}-${part}`,
  site: (siteId: number, part: 'places1' | 'places2' | 'places3' | 'people' | 'dates') => `planner-site-${siteId}-${part}`,
};

const joinDates = (dates: readonly string[] | null | undefined) => (dates ?? []).join(', ');

/** The form filled from what the database holds. */
export function typedFrom(answer: PlannerAnswer): TypedSetup {
  return {
    shiftsPerDay: String(answer.settings.team_shifts_per_day),
    daysOff: joinDates(answer.settings.days_off),
    machines: answer.machines.map((machine) => ({ key: String(machine.id), id: machine.id, label: machine.label })),
    teams: answer.teams.map((team) => ({
      key: String(team.id),
      id: team.id,
      name: team.name,
      baseName: team.base_name,
      lat: String(team.base_lat),
      lng: String(team.base_lng),
      places: String(team.places_per_shift),
      daysOff: joinDates(team.days_off),
    })),
    sites: answer.sites.map((site) => ({
      siteId: site.id,
      places: [String(site.places[0] ?? 0), String(site.places[1] ?? 0), String(site.places[2] ?? 0)],
      people: site.people === null ? '' : String(site.people),
      dates: joinDates(site.dates),
    })),
  };
}

// A whole number within [min, max] typed in a box, or null.
function whole(typed: string, min: number, max: number): number | null {
  const text = typed.trim();
  if (!/^[0-9]+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

// A decimal number within [min, max] (a point's degrees; a comma as decimal mark too), or null.
function decimal(typed: string, min: number, max: number): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** Dates typed as `YYYY-MM-DD`, separated by commas or spaces; null when one is not a real date. */
export function readDates(typed: string): string[] | null {
  const dates = typed.split(/[\s,;]+/).filter(Boolean);
  return dates.every(isIsoDate) ? [...new Set(dates)].sort() : null;
}

/** Reads the form into the payload, or lists every box to fix. */
export function readSetup(typed: TypedSetup): { payload: PlanSetupPayload } | { problems: SetupProblem[] } {
  const problems: SetupProblem[] = [];
  const need = <T>(value: T | null, field: string, key: string, values?: SetupProblem['values']): T => {
    if (value === null) problems.push({ field, key, ...(values ? { values } : {}) });
    return value as T;
  };
  const shifts = need(whole(typed.shiftsPerDay, 1, 3), fieldIds.shiftsPerDay, 'planner:setup.error.shiftsPerDay');
  const daysOff = need(readDates(typed.daysOff), fieldIds.daysOff, 'planner:setup.error.dates');
  const labels = new Set<string>();
  const machines = typed.machines.map((machine, index) => {
    const label = machine.label.trim();
    const field = fieldIds.machine(machine.key);
    if (label.length < 1 || label.length > 60) problems.push({ field, key: 'planner:setup.error.machineLabel', values: { n: index + 1 } });
    else if (labels.has(label)) problems.push({ field, key: 'planner:setup.error.machineTwice', values: { n: index + 1 } });
    labels.add(label);
    return { ...(machine.id === undefined ? {} : { id: machine.id }), label };
  });
  const teams = typed.teams.map((team, index) => {
    const n = { n: index + 1 };
    const name = team.name.trim();
    const baseName = team.baseName.trim();
    if (name === '') problems.push({ field: fieldIds.team(team.key, 'name'), key: 'planner:setup.error.teamName', values: n });
    if (baseName === '') problems.push({ field: fieldIds.team(team.key, 'baseName'), key: 'planner:setup.error.baseName', values: n });
    return {
      ...(team.id === undefined ? {} : { id: team.id }),
      name,
      base_name: baseName,
      base_lat: need(decimal(team.lat, vietNamBox.lat.min, vietNamBox.lat.max), fieldIds.team(team.key, 'lat'), 'planner:setup.error.lat', n),
      base_lng: need(decimal(team.lng, vietNamBox.lng.min, vietNamBox.lng.max), fieldIds.team(team.key, 'lng'), 'planner:setup.error.lng', n),
      places_per_shift: need(whole(team.places, 1, MAX_SHIFT_PLACES), fieldIds.team(team.key, 'places'), 'planner:setup.error.teamPlaces', { ...n, max: MAX_SHIFT_PLACES }),
      days_off: need(readDates(team.daysOff), fieldIds.team(team.key, 'daysOff'), 'planner:setup.error.dates'),
    };
  });
  const sites = typed.sites.map((site) => {
    const shift = (index: 0 | 1 | 2) =>
      need(whole(site.places[index], 0, MAX_SHIFT_PLACES), fieldIds.site(site.siteId, (['places1', 'places2', 'places3'] as const)[index]), 'planner:setup.error.sitePlaces', { max: MAX_SHIFT_PLACES });
    const places: [number, number, number] = [shift(0), shift(1), shift(2)];
    const people = site.people.trim() === '' ? undefined : need(whole(site.people, 0, 10_000_000), fieldIds.site(site.siteId, 'people'), 'planner:setup.error.people');
    const dates = site.dates.trim() === '' ? undefined : need(readDates(site.dates), fieldIds.site(site.siteId, 'dates'), 'planner:setup.error.dates');
    return { site_id: site.siteId, places, ...(people === undefined ? {} : { people }), ...(dates === undefined ? {} : { dates }) };
  });
  if (problems.length) return { problems };
  const payload: PlanSetupPayload = { team_shifts_per_day: shifts, days_off: daysOff, machines, teams, sites };
  return { payload };
}
