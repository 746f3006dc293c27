// What the staff console's links page shows of sign-up links before any form is sent: the kinds and
// statuses, the two addresses of a link, a new link's default closing day. Without zod, so that page
// opens without the forms' schemas (signup-links.ts, which re-exports these).
import { addDays, todayInVietnam } from './dates.ts';

export const organisationKinds = ['school', 'enterprise', 'agency'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** What a link's status may be set to by staff (public.signup_links.status). */
export const linkStatuses = ['active', 'paused', 'revoked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** Whether a link takes sign-ups now (private.link_state). */
export const linkStates = ['open', 'paused', 'revoked', 'closed', 'full'] as const;
export type LinkState = (typeof linkStates)[number];

/** The share URL: the token in the query string, so the static join page serves every link. */
export function joinUrl(origin: string, locale: string, shareToken: string): string {
  return new URL(`/${locale}/join/?${new URLSearchParams({ t: shareToken }).toString()}`, origin).href;
}

/** The coordinator's URL: the token in the fragment, which never reaches a server log or a Referer. */
export function coordinatorUrl(origin: string, locale: string, coordinatorToken: string): string {
  return new URL(`/${locale}/join/coordinator/#${new URLSearchParams({ t: coordinatorToken }).toString()}`, origin).href;
}

/** A `YYYY-MM-DD` default closing day for a new link: the day before the session, or today. */
export function defaultClosingDay(sessionDate: string): string {
  const before = addDays(sessionDate, -1);
  return before >= todayInVietnam() ? before : todayInVietnam();
}
