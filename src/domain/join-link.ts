// Joining through an organisation's link (the join page): the link's token, the public facts
// signup_link_info answers, and when a student needs a guardian's consent. Apart from
// signup-links.ts (which re-exports these), so the join page opens without the organisations' and
// staff's form schemas and the booking schemas they build on.
import { array, boolean, enum as picklist, nullable, number, strictObject, string, type output } from 'zod/mini';
import { ageOn, isIsoDate, todayInVietnam } from './dates.ts';
import { randomTokenPattern } from './idempotency-key.ts';
import { linkStates, organisationKinds, type OrganisationKind } from './signup-link-basics.ts';

/** The age under which a student joins with a parent's or guardian's consent. */
export const adultAge = 18;

/** The token of a join address's query string or a coordinator address's fragment, if well formed. */
export function tokenFrom(paramsText: string): string | null {
  const token = new URLSearchParams(paramsText.replace(/^[?#]/, '')).get('t') ?? '';
  return randomTokenPattern.test(token) ? token : null;
}

/** What signup_link_info answers: public facts only. */
export const linkInfoSchema = strictObject({
  org_name: string(),
  org_kind: picklist(organisationKinds),
  state: picklist(linkStates),
  closes_at: string(),
  places_left: number(),
  min_age: number(),
  session: strictObject({ date: string(), site_name: string(), address: string(), access_notes: nullable(string()), lat: number(), lng: number() }),
  shifts: array(strictObject({ id: number(), starts_at: string(), ends_at: string(), places_left: number(), bookable: boolean() })),
});
export type LinkInfo = output<typeof linkInfoSchema>;

/**
 * Whether a student needs a parent's or guardian's consent (Decree 13/2023, children's data): under
 * 18 today, when the data is given, even if 18 by the session — as join_signup_link judges it.
 */
export function needsGuardianConsent(kind: OrganisationKind, birthDate: string, today: string = todayInVietnam()): boolean {
  return kind === 'school' && isIsoDate(birthDate) && ageOn(birthDate, today) < adultAge;
}
