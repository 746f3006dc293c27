// What the home-visit pages show before any form is sent: the choices of the request form, the
// statuses, the message for a refused field, the staff list's order. Without zod, so the request
// page opens without the forms' schemas (home-visit.ts, which re-exports these).
import type { NamespaceResources } from '../i18n/schema.ts';
import type { Refusal } from './errors.ts';
import { daysBetween, todayInVietnam } from './dates.ts';

export type HomeVisitKey = `homeVisit:${keyof NamespaceResources['homeVisit']}`;

/** The request form's messages are keys of the `homeVisit` namespace. */
export function m<K extends keyof NamespaceResources['homeVisit']>(key: K): `homeVisit:${K}` {
  return `homeVisit:${key}`;
}

export type StaffKey = `staffHomeVisits:${keyof NamespaceResources['staffHomeVisits']}`;

/** The staff forms' messages are keys of the `staffHomeVisits` namespace. */
export function s<K extends keyof NamespaceResources['staffHomeVisits']>(key: K): `staffHomeVisits:${K}` {
  return `staffHomeVisits:${key}`;
}

export const reasons = ['elderly', 'illness', 'disability', 'pregnancy', 'other'] as const;
export const needs = ['bedridden', 'wheelchair', 'hearing', 'sight', 'ethnic_language'] as const;
export const relationships = ['child', 'spouse', 'grandchild', 'sibling', 'relative', 'carer', 'self'] as const;
/** ISO weekdays, Monday first, as the database stores them. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const periods = ['morning', 'afternoon'] as const;
export const statuses = ['received', 'scheduled', 'done', 'could_not', 'cancelled'] as const;

export type Reason = (typeof reasons)[number];
export type Need = (typeof needs)[number];
export type Period = (typeof periods)[number];
export type HomeVisitStatus = (typeof statuses)[number];

/** Statuses a request can still move from: the staff list's default. */
export const activeStatuses: readonly HomeVisitStatus[] = ['received', 'scheduled'];

/** Whether the requester may still change the preferred times or cancel (the database agrees). */
export const isOpenForRequester = (status: HomeVisitStatus): boolean => status === 'received';

// The database names the field of an invalid_argument refusal; the forms show that field's own
// message (the errors namespace's text for the code is about search filters).
const requestFieldMessages: Record<string, HomeVisitKey> = {
  reason: m('reason.required'),
  reason_other: m('reasonOther.required'),
  ward: m('ward.required'),
  street_address: m('address.required'),
  landmark: m('landmark.tooLong'),
  location: m('location.outside'),
  ethnic_language: m('language.required'),
  preferred_days: m('days.required'),
  preferred_periods: m('periods.required'),
  relationship: m('relationship.required'),
};
const staffFieldMessages: Record<string, StaffKey> = {
  date: s('schedule.datePast'),
  window: s('schedule.timeOrder'),
  team_contact: s('schedule.contactRequired'),
  note: s('outcome.noteRequired'),
};

/**
 * The message for an invalid_argument refusal of the citizen's forms (`request`) or the staff
 * forms (`staff`): the refused field's own, else a general "check this answer"; undefined for
 * other refusals.
 */
export function rejectedFieldMessage(refusal: Refusal, form: 'request' | 'staff'): HomeVisitKey | StaffKey | undefined {
  if (refusal.code !== 'invalid_argument') return undefined;
  const field = typeof refusal.details.field === 'string' ? refusal.details.field : '';
  return form === 'request' ? (requestFieldMessages[field] ?? m('errors.rejected')) : (staffFieldMessages[field] ?? s('errors.rejected'));
}

/** Overdue: scheduled for a day already past with no outcome recorded. */
export function isOverdue(visit: { status: HomeVisitStatus; scheduled_on: string | null }, today: string = todayInVietnam()): boolean {
  return visit.status === 'scheduled' && visit.scheduled_on !== null && visit.scheduled_on < today;
}

/** The staff list's order: overdue visits first (longest overdue on top), then as read (oldest first). */
export function overdueFirst<T extends { status: HomeVisitStatus; scheduled_on: string | null }>(visits: readonly T[], today: string = todayInVietnam()): T[] {
  const overdue = visits.filter((visit) => isOverdue(visit, today)).sort((a, b) => a.scheduled_on!.localeCompare(b.scheduled_on!));
  return [...overdue, ...visits.filter((visit) => !isOverdue(visit, today))];
}

/** The refusal home_visit_exists names the code of the active request to the phone that sent it. */
export function existingRequestCode(details: Record<string, unknown>): string | undefined {
  return typeof details.code === 'string' ? details.code : undefined;
}

/** Whole days since an instant, in Viet Nam's calendar: a request's age in the staff list. */
export function ageInDays(createdAt: string, now: Date = new Date()): number {
  return daysBetween(todayInVietnam(new Date(createdAt)), todayInVietnam(now));
}
