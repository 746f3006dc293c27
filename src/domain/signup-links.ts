// Organisations (schools, enterprises, agencies): the request for a session on site, the staff's
// sign-up link form, and the schemas joining builds on (what the join page reads first is in
// join-link.ts, the roster in link-roster.ts: the join page loads neither this module nor the
// roster). One zod schema per form, shared by the islands and the tests; the database functions in
// supabase/schemas/06_organisations.sql stay the authority. Messages are keys of the
// `organisations`, `join` and `staffLinks` namespaces.
import { boolean, coerce, enum as picklist, int, literal, maxLength, minLength, nullable, number, object, pipe, refine, regex, strictObject, string, transform, trim, type output } from 'zod/mini';
import { locales, type Locale } from '../i18n/config.ts';
import type { Database } from '../lib/database.types.ts';
import { phoneField } from './booking.ts';
import { consentField } from './consent.ts';
import { addDays, isIsoDate, todayInVietnam } from './dates.ts';
import { normalizePhone } from './phone.ts';
import { linkStatuses, organisationKinds } from './signup-link-basics.ts';

// Defined without zod, for the staff console's links page to open without the forms' schemas.
export { coordinatorUrl, defaultClosingDay, joinUrl, linkStates, linkStatuses, organisationKinds } from './signup-link-basics.ts';
export type { LinkState, LinkStatus, OrganisationKind } from './signup-link-basics.ts';
// What the join page reads before its form, in a module of its own so that page loads neither these
// forms' schemas nor the booking schemas they build on.
export { adultAge, linkInfoSchema, needsGuardianConsent, tokenFrom } from './join-link.ts';
export type { LinkInfo } from './join-link.ts';

type Functions = Database['public']['Functions'];


// =====================================================================
// The request for a session on site (organisations page)
// =====================================================================

export const organisationRequestSchema = object({
  kind: picklist(organisationKinds, { error: 'organisations:kind.required' }),
  name: string().check(trim(), minLength(3, 'organisations:name.required'), maxLength(200, 'organisations:name.tooLong')),
  ward: string().check(regex(/^[0-9]{5}$/, 'organisations:ward.required')),
  address: string().check(trim(), minLength(3, 'organisations:address.required'), maxLength(300, 'organisations:address.tooLong')),
  expected_people: pipe(
    string().check(trim(), regex(/^[0-9]{1,4}$/, 'organisations:people.invalid')),
    transform(Number),
  ).check(refine((value: number) => value >= 1 && value <= 5000, 'organisations:people.invalid')),
  contact_name: string().check(trim(), minLength(2, 'organisations:contactName.required'), maxLength(100, 'organisations:contactName.tooLong')),
  contact_phone: phoneField('organisations:contactPhone.required', 'organisations:contactPhone.invalid'),
  contact_email: string().check(trim(), regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'organisations:contactEmail.invalid'), maxLength(200, 'organisations:contactEmail.invalid')),
  preferred_from: string().check(refine((value: string) => isIsoDate(value) && value >= todayInVietnam(), 'organisations:dates.from')),
  preferred_to: string().check(refine(isIsoDate, 'organisations:dates.to')),
  notes: string().check(trim(), maxLength(1000, 'organisations:notes.tooLong')),
  consent: consentField('organisations:consent.required'),
  /** The campaign's slug (src/lib/page-campaign.ts): the ward is looked up in its set. */
  campaign: string(),
}).check(
  refine((request) => !isIsoDate(request.preferred_from) || (request.preferred_to >= request.preferred_from && request.preferred_to <= addDays(request.preferred_from, 180)), {
    message: 'organisations:dates.to',
    path: ['preferred_to'],
  }),
);

export type OrganisationRequest = output<typeof organisationRequestSchema>;

export function toOrganisationRequestArgs(request: OrganisationRequest) {
  return {
    p_kind: request.kind,
    p_name: request.name,
    p_ward: request.ward,
    p_address: request.address,
    p_expected_people: request.expected_people,
    p_contact_name: request.contact_name,
    p_contact_phone: request.contact_phone,
    p_contact_email: request.contact_email,
    p_preferred_from: request.preferred_from,
    p_preferred_to: request.preferred_to,
    p_notes: request.notes,
    p_consent: request.consent,
    p_campaign: request.campaign,
  } satisfies Functions['request_organisation_session']['Args'];
}

/** What request_organisation_session answers: the new request's id. */
export const organisationRequestAnswerSchema = strictObject({ ok: literal(true), id: number() });

// =====================================================================
// A sign-up link (staff console)
// =====================================================================

export const signupLinkSchema = object({
  session_id: coerce.number().check(int('staffLinks:session.required'), refine((id: number) => id > 0, 'staffLinks:session.required')),
  org_name: string().check(trim(), minLength(3, 'staffLinks:orgName.required'), maxLength(200, 'staffLinks:orgName.tooLong')),
  org_kind: picklist(organisationKinds, { error: 'staffLinks:orgKind.required' }),
  places: pipe(string().check(trim(), regex(/^[0-9]{1,4}$/, 'staffLinks:places.invalid')), transform(Number)).check(
    refine((value: number) => value >= 1 && value <= 5000, 'staffLinks:places.invalid'),
  ),
  closes_on: string().check(refine((value: string) => isIsoDate(value) && value >= todayInVietnam(), 'staffLinks:closesOn.invalid')),
  /** The coordinator's mobile, for messages about the session: optional, and only with their agreement. */
  coordinator_phone: pipe(
    string().check(trim(), refine((value: string) => value === '' || normalizePhone(value) !== null, 'staffLinks:coordinator.phoneInvalid')),
    transform((value: string) => normalizePhone(value)),
  ),
  coordinator_agreed: boolean(),
}).check(
  refine((link) => link.coordinator_phone === null || link.coordinator_agreed, { message: 'staffLinks:coordinator.agreeRequired', path: ['coordinator_agreed'] }),
  refine((link) => link.coordinator_phone !== null || !link.coordinator_agreed, { message: 'staffLinks:coordinator.phoneRequired', path: ['coordinator_phone'] }),
);

export type SignupLinkInput = output<typeof signupLinkSchema>;

/** The form checked against the session it is for: sign-ups close by the session's day. */
export function signupLinkSchemaFor(sessionDate: string | undefined) {
  return signupLinkSchema.check(
    refine((link) => sessionDate === undefined || link.closes_on <= sessionDate, { message: 'staffLinks:closesOn.afterSession', path: ['closes_on'] }),
  );
}

/** staff_create_signup_link's `p_coordinator`: the coordinator who agreed to messages, written in `lang`. */
export const linkCoordinatorSchema = nullable(strictObject({ phone: string(), lang: picklist(locales) }));
export type LinkCoordinator = output<typeof linkCoordinatorSchema>;

/** Sign-ups close at the end of the chosen day in Viet Nam (UTC+7, no daylight saving). */
export function closingInstant(closesOn: string): string {
  return new Date(`${closesOn}T23:59:00+07:00`).toISOString();
}

/** The RPC's arguments; messages to the coordinator go in the language of the officer's page. */
export function toCreateLinkArgs(link: SignupLinkInput, lang: Locale) {
  const coordinator: LinkCoordinator = link.coordinator_phone === null ? null : { phone: link.coordinator_phone, lang };
  return {
    p_session_id: link.session_id,
    p_org_name: link.org_name,
    p_org_kind: link.org_kind,
    p_places: link.places,
    p_closes_at: closingInstant(link.closes_on),
    p_coordinator: coordinator,
  } satisfies Functions['staff_create_signup_link']['Args'];
}

/** What staff_create_signup_link answers: the coordinator token is shown this once. */
export const createdLinkSchema = strictObject({ id: number(), share_token: string(), coordinator_token: string() });

/** What staff_set_signup_link_status answers. */
export const linkStatusAnswerSchema = strictObject({ id: number(), status: picklist(linkStatuses) });

/** What staff_new_coordinator_token answers. */
export const coordinatorTokenSchema = strictObject({ id: number(), coordinator_token: string() });
