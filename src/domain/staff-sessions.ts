// The rules of the staff console's session planning: the campaign's default shifts, shift times
// as instants, the 15-day notice, capacity against places booked, and the order sessions are
// listed in; the site form's schema. Plain functions, shared by the sessions island and its tests.
import { array, enum as picklist, int, object, pipe, refine, strictObject, string, transform, trim, type output } from 'zod/mini';
import { addDays, daysBetween, isIsoDate, isTimeOfDay } from './dates.ts';
import { siteKinds } from './booking-kinds.ts';
import { vietNamBox } from './viet-nam-box.ts';

/** A shift as an officer types it: times of day in Viet Nam ("07:00") and a number of places. */
export type ShiftPlan = {
  start: string;
  end: string;
  capacity: number;
};

/** A campaign's default shift plan as the database keeps it (campaigns.shift_plan). */
export const shiftPlanSchema = array(strictObject({ start: string(), end: string(), capacity: int() }));

/** Places per shift an officer starts from; the seed's town sites have 80–100. */
export const defaultCapacity = 60;

/**
 * The Huế directive's three 5-hour shifts (CAMPAIGN.md: at least 15 hours a day): people who live
 * near come in the evening, people from far away by day.
 */
export function defaultShifts(capacity = defaultCapacity): ShiftPlan[] {
  return [
    { start: '07:00', end: '12:00', capacity },
    { start: '12:00', end: '17:00', capacity },
    { start: '17:00', end: '22:00', capacity },
  ];
}

/** Communes must announce the schedule at least this many days ahead (CAMPAIGN.md). */
export const noticeDays = 15;

/** What can be wrong with a planned shift, as a `staff` namespace key. */
export type ShiftProblem = 'shift.time' | 'shift.order' | 'shift.capacity' | 'shift.overlap';

export function shiftProblems(shifts: readonly ShiftPlan[]): Array<{ index: number; problem: ShiftProblem }> {
  const problems: Array<{ index: number; problem: ShiftProblem }> = [];
  shifts.forEach((shift, index) => {
    if (!isTimeOfDay(shift.start) || !isTimeOfDay(shift.end)) problems.push({ index, problem: 'shift.time' });
    else if (shift.end <= shift.start) problems.push({ index, problem: 'shift.order' });
    else if (shifts.some((other, o) => o < index && isTimeOfDay(other.start) && other.start < shift.end && shift.start < other.end))
      problems.push({ index, problem: 'shift.overlap' });
    if (!Number.isInteger(shift.capacity) || shift.capacity < 1 || shift.capacity > 5000) problems.push({ index, problem: 'shift.capacity' });
  });
  return problems;
}

/**
 * Days of notice the citizens get when a session on `sessionDate` is published `today`, when that
 * is less than the 15 days communes must give; null when the notice is long enough. A warning,
 * not a refusal: a session brought forward still helps people, the officer must tell the commune.
 */
export function shortNotice(sessionDate: string, today: string): number | null {
  const days = daysBetween(today, sessionDate);
  return days < noticeDays ? days : null;
}

/** The first date that gives the full notice: the date field's default. */
export function firstFullNoticeDate(today: string): string {
  return addDays(today, noticeDays);
}

/**
 * A new capacity of a shift, checked against the places already booked (staff_set_shift_capacity
 * refuses the same with capacity_below_booked): null when it is fine, else why not.
 */
export function capacityProblem(capacity: number, booked: number): 'capacity.invalid' | 'capacity.belowBooked' | null {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000) return 'capacity.invalid';
  if (capacity < booked) return 'capacity.belowBooked';
  return null;
}

export type SessionStatus = 'cancelled' | 'published' | 'draft';

export function sessionStatus(session: { published: boolean; cancelled_at: string | null }): SessionStatus {
  if (session.cancelled_at) return 'cancelled';
  return session.published ? 'published' : 'draft';
}

/**
 * The people booked in a session: what an officer confirms before cancelling, moving or
 * unpublishing it (the functions refuse session_has_bookings unless it is the number now).
 */
export function bookedPeople(session: { shifts: ReadonlyArray<{ booked: number }> }): number {
  return session.shifts.reduce((sum, shift) => sum + shift.booked, 0);
}

/** Upcoming sessions first, soonest first; then past ones, the most recent first. */
export function sortSessions<T extends { session_date: string; id: number }>(sessions: readonly T[], today: string): T[] {
  const upcoming = sessions.filter((s) => s.session_date >= today);
  const past = sessions.filter((s) => s.session_date < today);
  const byDate = (a: T, b: T) => a.session_date.localeCompare(b.session_date) || a.id - b.id;
  return [...upcoming.sort(byDate), ...past.sort((a, b) => byDate(b, a))];
}

export { siteKinds };

/** A site as its form holds it (creating or editing): strings, as the inputs hold them. */
export interface SiteDraft {
  name: string;
  kind: string;
  address: string;
  wardId: string;
  lat: string;
  lng: string;
  accessNotes: string;
}

/** The create-session form as typed: strings, as the inputs hold them. */
export interface SessionDraft {
  siteChoice: 'existing' | 'new';
  siteId: string;
  site: SiteDraft;
  date: string;
  shifts: Array<{ start: string; end: string; capacity: string }>;
}

/** A problem of the form: the field id suffix it is about and the `staff` key (with values). */
export interface DraftProblem {
  field: string;
  key: string;
  values?: Record<string, number>;
}

function coordinate(value: string, min: number, max: number): boolean {
  const number = parseCoordinate(value);
  return value.trim() !== '' && Number.isFinite(number) && number >= min && number <= max;
}

/** Accepts the decimal comma Vietnamese keyboards and map apps often give ("16,4637"). */
export function parseCoordinate(value: string): number {
  return Number(value.trim().replace(',', '.'));
}

/** Length in characters as Postgres's length() counts them (code points, not UTF-16 units). */
const chars = (value: string) => Array.from(value).length;

const between = (min: number, max: number) => (value: string) => chars(value) >= min && chars(value) <= max;

/**
 * The site form, checked and turned into the columns of `intake_sites`. The rules repeat the
 * checks of the table and of private.checked_site (name 3–200, address 3–300, lat/lng inside Viet
 * Nam, notes ≤ 500); the ward must be one of the officer's, as the functions insist. Messages are `staff` keys; each field reports one.
 */
function siteSchema(wardIds: readonly number[]) {
  return pipe(
    object({
      name: string().check(trim(), refine(between(3, 200), 'create.nameRequired')),
      kind: picklist(siteKinds, { error: 'create.kindRequired' }),
      address: string().check(trim(), refine(between(3, 300), 'create.addressRequired')),
      wardId: string().check(refine((id) => wardIds.includes(Number(id)), 'create.wardRequired')),
      lat: string().check(refine((v) => coordinate(v, vietNamBox.lat.min, vietNamBox.lat.max), 'create.latInvalid')),
      lng: string().check(refine((v) => coordinate(v, vietNamBox.lng.min, vietNamBox.lng.max), 'create.lngInvalid')),
      accessNotes: string().check(trim(), refine(between(0, 500), 'site.accessNotesTooLong')),
    }),
    transform((site) => ({
      ward_id: Number(site.wardId),
      kind: site.kind,
      name: site.name,
      address: site.address,
      lat: parseCoordinate(site.lat),
      lng: parseCoordinate(site.lng),
      // Empty notes are stored as null: the schedules then show nothing rather than an empty line.
      access_notes: site.accessNotes || null,
    })),
  );
}

/** A site as staff_create_session and staff_update_site take it (the columns of `intake_sites` an officer sets). */
export type SiteRow = output<ReturnType<typeof siteSchema>>;

/** A saved site as its edit form starts: the stored values, as strings. */
export function siteDraftOf(site: Omit<SiteRow, 'kind'> & { kind: string }): SiteDraft {
  return {
    name: site.name,
    kind: site.kind,
    address: site.address,
    wardId: String(site.ward_id),
    lat: String(site.lat),
    lng: String(site.lng),
    accessNotes: site.access_notes ?? '',
  };
}

/** The field id suffix of each site field: `<form prefix>-<suffix>`, as SiteFields names its inputs. */
export const siteFieldIds: Record<keyof SiteDraft, string> = {
  name: 'name',
  kind: 'kind',
  address: 'address',
  wardId: 'ward',
  lat: 'lat',
  lng: 'lng',
  accessNotes: 'notes',
};

/** The site form checked: the row to write, or its problems (field id suffix and `staff` key). */
export function checkSite(site: SiteDraft, wardIds: readonly number[]): { row: SiteRow } | { problems: DraftProblem[] } {
  const parsed = siteSchema(wardIds).safeParse(site);
  if (parsed.success) return { row: parsed.data };
  return { problems: parsed.error.issues.map((issue) => ({ field: siteFieldIds[issue.path[0] as keyof SiteDraft], key: issue.message })) };
}

export function draftProblems(draft: SessionDraft, today: string, wardIds: readonly number[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.siteChoice === 'existing') {
    if (!draft.siteId) problems.push({ field: 'site', key: 'create.siteRequired' });
  } else {
    const checked = checkSite(draft.site, wardIds);
    if ('problems' in checked) problems.push(...checked.problems.map((p) => ({ ...p, field: `site-${p.field}` })));
  }
  if (!isIsoDate(draft.date)) problems.push({ field: 'date', key: 'create.dateRequired' });
  else if (draft.date < today) problems.push({ field: 'date', key: 'create.datePast' });
  const plans = draftShifts(draft);
  for (const { index, problem } of shiftProblems(plans)) {
    const field = problem === 'shift.capacity' ? `shift-${index}-capacity` : problem === 'shift.time' && !isTimeOfDay(plans[index]!.start) ? `shift-${index}-start` : `shift-${index}-end`;
    problems.push({ field, key: problem, values: { number: index + 1 } });
  }
  return problems;
}

/** The shifts of the form as plans; a capacity that is not a number stays NaN and fails the check. */
export function draftShifts(draft: SessionDraft): ShiftPlan[] {
  return draft.shifts.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity.trim() === '' ? Number.NaN : Number(s.capacity) }));
}
