// Where the planner's inputs and plan are kept (supabase/schemas/18_campaign_planner.sql): the
// payloads and answers of staff_planner, staff_save_plan_setup, staff_save_plan and
// staff_publish_plan as zod/mini schemas, and the two pure translations between the database's
// rows and the planner's own types (src/domain/planner/schema.ts): inputFromStore builds a
// PlanInput from staff_planner's answer, sessionsForStore turns a plan back into staff_save_plan's
// payload. Ids are numbers in the database and strings in the planner.
import {
  array, boolean, int, literal, maxLength, minLength, nullable, number, optional, regex, strictObject, string, type output,
} from 'zod/mini';
import { daysBetween } from './dates.ts';
import { noticeEnd } from './planner/rules.ts';
import { shiftNumbers } from './planner/shifts.ts';
import type { PlanInput, PlannedSession, PlanSession } from './planner/schema.ts';

const isoDate = string().check(regex(/^\d{4}-\d{2}-\d{2}$/));
const id = int();
const shiftNumber = literal(shiftNumbers);

/** The campaign as the planner reads it. */
export const plannerCampaignSchema = strictObject({
  id,
  slug: string(),
  name_vi: string(),
  name_en: string(),
  unit_set: string(),
  quota: int(),
  daily_target: nullable(int()),
  starts_on: isoDate,
  deadline: isoDate,
  shift_plan: array(strictObject({ start: string(), end: string(), capacity: int() })),
});

/**
 * A unit directly under the province (a district on the 2021 units, a commune on the 2025 units):
 * the level the campaign's quotas, survey figures and daily counts are kept at. `people`: the basic
 * survey's people to take in (null: not known); `taken`: the applications counted so far.
 */
export const plannerUnitSchema = strictObject({
  id,
  code: string(),
  name: string(),
  name_en: nullable(string()),
  level: int(),
  quota: nullable(int()),
  people: nullable(int()),
  taken: int(),
});

/**
 * A site of the campaign's province: the unit it counts under (`unit_code`, one of the units), its
 * places per planner shift (the officer's, or from the campaign's shift plan when `configured` is
 * false), a school's or enterprise's own people and dates.
 */
export const plannerSiteSchema = strictObject({
  id,
  ward_id: int(),
  unit_code: string(),
  kind: string(),
  name: string(),
  lat: number(),
  lng: number(),
  // An array of three rather than a tuple: the answers' strictness check (tests/db/answers.test.ts) opens arrays.
  places: array(int()).check(minLength(3), maxLength(3)),
  people: nullable(int()),
  dates: nullable(array(isoDate)),
  configured: boolean(),
  /** Days from today with a session the plan does not keep (another campaign's, a cancelled one). */
  closed: array(isoDate),
});

export const plannerMachineSchema = strictObject({ id, label: string() });

export const plannerTeamSchema = strictObject({
  id,
  name: string(),
  base_name: string(),
  base_lat: number(),
  base_lng: number(),
  places_per_shift: int(),
  days_off: array(isoDate),
});

export const plannerSettingsSchema = strictObject({ team_shifts_per_day: int(), days_off: array(isoDate) });

/**
 * A session that exists from today on: its shifts by planner shift, and the plan's machine and teams
 * when a plan made it. `published` false: a draft an officer made in the console, not yet bookable,
 * which a plan keeps as it is all the same (publishing it is the console's step).
 */
export const plannerPublishedSchema = strictObject({
  session_id: id,
  site_id: id,
  date: isoDate,
  machine_id: nullable(id),
  published: boolean(),
  shifts: array(strictObject({ shift: shiftNumber, places: int(), booked: int(), team_id: nullable(id) })),
});

/** A session of the saved draft, as staff_save_plan takes it and staff_planner answers it. */
export const storedSessionSchema = strictObject({
  date: isoDate,
  site_id: id,
  machine_id: nullable(id),
  locked: boolean(),
  shifts: array(strictObject({ shift: shiftNumber, team_id: nullable(id), places: int() })),
});
export type StoredSession = output<typeof storedSessionSchema>;

/** staff_planner's answer. */
export const plannerAnswerSchema = strictObject({
  ok: literal(true),
  campaign: plannerCampaignSchema,
  today: isoDate,
  units: array(plannerUnitSchema),
  sites: array(plannerSiteSchema),
  machines: array(plannerMachineSchema),
  teams: array(plannerTeamSchema),
  settings: plannerSettingsSchema,
  published: array(plannerPublishedSchema),
  draft: array(storedSessionSchema),
  actual: array(strictObject({ date: isoDate, applications: int() })),
});
export type PlannerAnswer = output<typeof plannerAnswerSchema>;

/** What staff_save_plan_setup takes (p_setup): the whole setup; rows without id are new, rows missing are removed. */
export const planSetupPayloadSchema = strictObject({
  team_shifts_per_day: int(),
  days_off: array(isoDate),
  // The answer's rows, the id absent for a new one.
  machines: array(strictObject({ ...plannerMachineSchema.shape, id: optional(id) })),
  teams: array(strictObject({ ...plannerTeamSchema.shape, id: optional(id) })),
  sites: array(strictObject({
    site_id: id,
    places: array(int()).check(minLength(3), maxLength(3)),
    people: optional(nullable(int())),
    dates: optional(nullable(array(isoDate))),
  })),
});
export type PlanSetupPayload = output<typeof planSetupPayloadSchema>;

/** staff_save_plan_setup's answer: the machines' and teams' ids in the payload's order. */
export const savedPlanSetupSchema = strictObject({ ok: literal(true), machine_ids: array(id), team_ids: array(id) });

/** staff_save_plan's answer: how many draft sessions were saved. */
export const savedPlanSchema = strictObject({ ok: literal(true), saved: int() });

/** staff_publish_plan's answer: the sessions made, and their first and last dates (null when the draft was empty). */
export const publishedPlanSchema = strictObject({
  ok: literal(true),
  published: int(),
  sessions: array(id),
  first_date: nullable(isoDate),
  last_date: nullable(isoDate),
});
export type PublishedPlan = output<typeof publishedPlanSchema>;

const machineOf = (value: number | null): { machineId: string } | Record<string, never> => (value === null ? {} : { machineId: String(value) });
const teamOf = (value: number | null): { teamId: string } | Record<string, never> => (value === null ? {} : { teamId: String(value) });

/**
 * The planner's input for the campaign of `answer`, planned on `today`:
 * - each unit's people still to take in: the survey's people, else its quota, less what it has taken;
 * - the quota still to take in: the campaign's less the applications counted so far;
 * - the sessions that exist from today on (published, or drafts made in the console) are `published`
 *   (the planner keeps those within the notice); those from the notice's end on are locked too, since
 *   publishing a plan never takes a session back nor makes a second one at a site that day: the plan
 *   is made around them;
 * - the draft's locked sessions from the notice's end on are the officer's locks; the rest of the
 *   draft is what a new plan replaces.
 */
export function inputFromStore(answer: PlannerAnswer, today: string): PlanInput {
  const taken = answer.actual.reduce((sum, day) => sum + day.applications, 0);
  const firstFree = noticeEnd(today);
  const published: PlanSession[] = answer.published.map((session) => ({
    date: session.date,
    siteId: String(session.site_id),
    ...machineOf(session.machine_id),
    shifts: session.shifts.map((shift) => ({ shift: shift.shift, places: shift.places, ...teamOf(shift.team_id) })),
  }));
  const lockedDraft: PlanSession[] = answer.draft
    .filter((session) => session.locked)
    .map((session) => ({
      date: session.date,
      siteId: String(session.site_id),
      ...machineOf(session.machine_id),
      shifts: session.shifts.map((shift) => ({ shift: shift.shift, places: shift.places, ...teamOf(shift.team_id) })),
    }));
  return {
    today,
    startsOn: answer.campaign.starts_on,
    deadline: answer.campaign.deadline,
    quota: Math.max(0, answer.campaign.quota - taken),
    units: answer.units.map((unit) => ({ code: unit.code, people: Math.max(0, (unit.people ?? unit.quota ?? 0) - unit.taken) })),
    sites: answer.sites.map((site) => ({
      id: String(site.id),
      unitCode: site.unit_code,
      lat: site.lat,
      lng: site.lng,
      places: [site.places[0] ?? 0, site.places[1] ?? 0, site.places[2] ?? 0],
      ...(site.people === null ? {} : { people: site.people }),
      ...(site.dates === null ? {} : { dates: site.dates }),
      ...(site.closed.length === 0 ? {} : { closedOn: site.closed }),
    })),
    machines: answer.machines.map((machine) => ({ id: String(machine.id) })),
    teams: answer.teams.map((team) => ({
      id: String(team.id),
      base: { lat: team.base_lat, lng: team.base_lng },
      places: team.places_per_shift,
      daysOff: team.days_off,
    })),
    daysOff: answer.settings.days_off,
    teamShiftsPerDay: answer.settings.team_shifts_per_day,
    published,
    locked: [...published, ...lockedDraft].filter((session) => daysBetween(firstFree, session.date) >= 0),
  };
}

/**
 * staff_save_plan's payload for a plan: its sessions not yet published (`published`: staff_planner's
 * published sessions, which the plan keeps as locks after the notice), the locked ones marked so.
 */
export function sessionsForStore(sessions: readonly PlannedSession[], published: PlannerAnswer['published']): StoredSession[] {
  const publishedKeys = new Set(published.map((session) => `${session.date} ${session.site_id}`));
  return sessions
    .filter((session) => session.source !== 'published' && !publishedKeys.has(`${session.date} ${session.siteId}`))
    .map((session) => ({
      date: session.date,
      site_id: Number(session.siteId),
      machine_id: session.machineId === undefined ? null : Number(session.machineId),
      locked: session.source === 'locked',
      shifts: session.shifts.map((shift) => ({ shift: shift.shift, team_id: shift.teamId === undefined ? null : Number(shift.teamId), places: shift.places })),
    }));
}
