// A home visit: the request form (the payload of public.request_home_visit), the change of
// preferred times, the staff's schedule and outcome forms, and what the status page reads. One
// zod schema each, shared by the islands and the tests; the database functions in
// supabase/schemas/11_home_visits.sql stay the authority.
//
// Messages are keys of the `homeVisit` namespace (`homeVisit:<field>.<problem>`), or of `booking`
// for the fields the booking form shares (name, date of birth, ID number, phone).
import { array, boolean, enum as picklist, literal, nullable, number, object, optional, pipe, strictObject, string, superRefine, transform, type input, type output } from 'zod/mini';
import { birthDateField, fullNameField, idNumberField, idNumberProblem, nameProblem, normalizeName, phoneField } from './booking.ts';
import { consentField } from './consent.ts';
import { isIsoDate, isTimeOfDay, todayInVietnam } from './dates.ts';
import { messagesField } from './messages-field.ts';
import { m, needs, periods, reasons, relationships, s, statuses, weekdays, type HomeVisitKey, type Period, type StaffKey } from './home-visit-basics.ts';
import { vietNamBox } from './viet-nam-box.ts';

// Defined without zod, for the request page to open without the forms' schemas.
export {
  activeStatuses,
  ageInDays,
  existingRequestCode,
  isOpenForRequester,
  isOverdue,
  needs,
  overdueFirst,
  periods,
  reasons,
  rejectedFieldMessage,
  relationships,
  statuses,
  weekdays,
} from './home-visit-basics.ts';
export type { HomeVisitStatus, Need, Period, Reason } from './home-visit-basics.ts';

/** Text on one line with single spaces, as private.clean_text stores it. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const chars = (value: string) => Array.from(value).length;

/** An optional text of at most `max` characters: '' becomes null. */
const optionalText = (max: number, tooLong: HomeVisitKey | StaffKey) =>
  pipe(optional(string()), transform((value: string | undefined) => cleanText(value ?? '') || null)).check(
    superRefine((value, ctx) => {
      if (value !== null && chars(value) > max) ctx.addIssue({ code: 'custom', message: tooLong });
    }),
  );

const requiredText = (min: number, max: number, required: HomeVisitKey | StaffKey, tooLong: HomeVisitKey | StaffKey) =>
  pipe(string({ error: required }), transform(cleanText)).check(
    superRefine((value, ctx) => {
      if (chars(value) < min) ctx.addIssue({ code: 'custom', message: required });
      else if (chars(value) > max) ctx.addIssue({ code: 'custom', message: tooLong });
    }),
  );

/** Preferred days as the database wants them: numbers, without repeats, Monday first. */
const preferredDaysField = pipe(
  array(picklist(weekdays.map(String) as [string, ...string[]])).check(
    superRefine((days, ctx) => {
      if (days.length === 0) ctx.addIssue({ code: 'custom', message: m('days.required') });
    }),
  ),
  transform((days: string[]) => [...new Set(days.map(Number))].sort((a, b) => a - b)),
);
/** Preferred periods in the day's order. */
const preferredPeriodsField = pipe(
  array(picklist(periods)).check(
    superRefine((chosen, ctx) => {
      if (chosen.length === 0) ctx.addIssue({ code: 'custom', message: m('periods.required') });
    }),
  ),
  transform((chosen: Period[]) => periods.filter((p) => chosen.includes(p))),
);

// Viet Nam's bounding box, as the table's checks; 5 decimals (about 1 m) find the gate.
const coordinate = (min: number, max: number) =>
  pipe(nullable(number()), transform((value: number | null) => (value === null ? null : Math.round(value * 1e5) / 1e5))).check(
    superRefine((value, ctx) => {
      if (value !== null && !(value >= min && value <= max)) ctx.addIssue({ code: 'custom', message: m('location.outside') });
    }),
  );

/** The requester's own name: the booking form's rules, with its own message when it is missing. */
const requesterNameField = pipe(string({ error: m('requester.nameRequired') }), transform(normalizeName)).check(
  superRefine((name, ctx) => {
    const problem = name === '' ? m('requester.nameRequired') : nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/** The request form, as typed; its output is the p_request of public.request_home_visit. */
export const homeVisitRequestSchema = object({
  full_name: fullNameField,
  birth_date: birthDateField,
  old_id_number: idNumberField,
  reason: picklist(reasons, { error: m('reason.required') }),
  reason_other: optionalText(200, m('reasonOther.tooLong')),
  ward: string({ error: m('ward.required') }).check(
    superRefine((value, ctx) => {
      if (!/^[0-9]{5}$/.test(value)) ctx.addIssue({ code: 'custom', message: m('ward.required') });
    }),
  ),
  street_address: requiredText(3, 200, m('address.required'), m('address.tooLong')),
  landmark: optionalText(200, m('landmark.tooLong')),
  lat: coordinate(vietNamBox.lat.min, vietNamBox.lat.max),
  lng: coordinate(vietNamBox.lng.min, vietNamBox.lng.max),
  needs: array(picklist(needs)),
  ethnic_language: optionalText(60, m('language.tooLong')),
  preferred_days: preferredDaysField,
  preferred_periods: preferredPeriodsField,
  requester_name: requesterNameField,
  requester_phone: phoneField(),
  relationship: picklist(relationships, { error: m('relationship.required') }),
  messages: messagesField,
  consent: consentField(m('consent.required')),
  /** The campaign's slug (src/lib/page-campaign.ts): the ward is looked up in its set. */
  campaign: string(),
}).check(
  superRefine((request, ctx) => {
    if (typeof request.old_id_number === 'string') {
      const problem = idNumberProblem(request.old_id_number, request.birth_date);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['old_id_number'] });
    }
    if (request.reason === 'other' && (request.reason_other === null || chars(request.reason_other) < 2)) {
      ctx.addIssue({ code: 'custom', message: m('reasonOther.required'), path: ['reason_other'] });
    }
    if (Array.isArray(request.needs) && request.needs.includes('ethnic_language') && (request.ethnic_language === null || chars(request.ethnic_language) < 2)) {
      ctx.addIssue({ code: 'custom', message: m('language.required'), path: ['ethnic_language'] });
    }
  }, { when: ({ value }) => typeof value === 'object' && value !== null }),
);

export type HomeVisitRequestInput = input<typeof homeVisitRequestSchema>;
export type HomeVisitRequest = output<typeof homeVisitRequestSchema>;

/**
 * The request as sent: the other-reason text only with "other", the language only with the need
 * for it (the schema has already normalised the names). The same form always makes the same payload, so a retry with the same
 * idempotency key is recognised as the same request.
 */
export function toRequestPayload(request: HomeVisitRequest) {
  return {
    ...request,
    reason_other: request.reason === 'other' ? request.reason_other : null,
    needs: needs.filter((need) => request.needs.includes(need)),
    ethnic_language: request.needs.includes('ethnic_language') ? request.ethnic_language : null,
  };
}

/** Changing the preferred times while the request is not yet scheduled. */
export const preferencesSchema = object({
  preferred_days: preferredDaysField,
  preferred_periods: preferredPeriodsField,
});

// =====================================================================
// Staff forms
// =====================================================================

/** Scheduling a visit: a date from today on, a window (from before to) and the team's contact. */
export const scheduleSchema = object({
  date: string({ error: s('schedule.dateRequired') }).check(
    superRefine((value, ctx) => {
      if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: s('schedule.dateRequired') });
      else if (value < todayInVietnam()) ctx.addIssue({ code: 'custom', message: s('schedule.datePast') });
    }),
  ),
  from: string().check(superRefine((value, ctx) => void (isTimeOfDay(value) || ctx.addIssue({ code: 'custom', message: s('schedule.timeRequired') })))),
  to: string().check(superRefine((value, ctx) => void (isTimeOfDay(value) || ctx.addIssue({ code: 'custom', message: s('schedule.timeRequired') })))),
  team_contact: requiredText(3, 200, s('schedule.contactRequired'), s('schedule.contactTooLong')),
}).check(
  superRefine((schedule, ctx) => {
    if (isTimeOfDay(schedule.from) && isTimeOfDay(schedule.to) && schedule.to <= schedule.from) {
      ctx.addIssue({ code: 'custom', message: s('schedule.timeOrder'), path: ['to'] });
    }
  }, { when: ({ value }) => typeof value === 'object' && value !== null }),
);
export type Schedule = output<typeof scheduleSchema>;

/** How a visit ended: done (a note if any) or could-not (the reason, required). */
export const outcomeSchema = object({
  status: picklist(['done', 'could_not'] as const),
  note: optionalText(500, s('outcome.noteTooLong')),
}).check(
  superRefine((outcome, ctx) => {
    if (outcome.status === 'could_not' && (outcome.note === null || chars(outcome.note) < 2)) {
      ctx.addIssue({ code: 'custom', message: s('outcome.noteRequired'), path: ['note'] });
    }
  }, { when: ({ value }) => typeof value === 'object' && value !== null }),
);
export type Outcome = output<typeof outcomeSchema>;

// =====================================================================
// What the status page reads
// =====================================================================

const homeVisitEventSchema = strictObject({
  status: picklist(statuses),
  at: string(),
  scheduled_on: nullable(string()),
  scheduled_from: nullable(string()),
  scheduled_to: nullable(string()),
  /** Set on the entry that records other preferred times. */
  preferred_days: nullable(array(number())),
  preferred_periods: nullable(array(picklist(periods))),
  note: nullable(string()),
});
export type HomeVisitEvent = output<typeof homeVisitEventSchema>;

/**
 * The answer of request_home_visit, home_visit_status, change_ and cancel_home_visit
 * (private.home_visit_view). Once the retention period has passed (`purged`), the personal fields
 * are null.
 */
export const homeVisitViewSchema = strictObject({
  ok: literal(true),
  token: nullable(string()),
  code: string(),
  status: picklist(statuses),
  created_at: string(),
  purged: boolean(),
  full_name: nullable(string()),
  reason: picklist(reasons),
  reason_other: nullable(string()),
  ward: string(),
  district: nullable(string()),
  province: nullable(string()),
  street_address: nullable(string()),
  landmark: nullable(string()),
  needs: array(picklist(needs)),
  ethnic_language: nullable(string()),
  preferred_days: array(number()),
  preferred_periods: array(picklist(periods)),
  requester_name: nullable(string()),
  phone_masked: nullable(string()),
  scheduled_on: nullable(string()),
  scheduled_from: nullable(string()),
  scheduled_to: nullable(string()),
  team_contact: nullable(string()),
  outcome_note: nullable(string()),
  history: array(homeVisitEventSchema),
});
export type HomeVisitView = output<typeof homeVisitViewSchema>;

/** What staff_schedule_home_visit answers. */
export const scheduledAnswerSchema = strictObject({ ok: literal(true), id: number(), status: literal('scheduled') });
export type ScheduledAnswer = output<typeof scheduledAnswerSchema>;

/** What staff_close_home_visit answers. */
export const closedAnswerSchema = strictObject({ ok: literal(true), id: number(), status: picklist(['done', 'could_not'] as const) });
export type ClosedAnswer = output<typeof closedAnswerSchema>;

