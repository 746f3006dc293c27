// The private link to a booking on the booking page (/{lang}/booking/#code=…&t=…), as the booking,
// join and manage pages show it: a path for a link on the page, a full URL for the ticket (kept,
// printed, shared).
import type { BookingView } from '../../domain/booking-view.ts';
import { manageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';

/** The link of a booking just made: its first person's code and the booking's token. */
export function manageLinkOf(view: BookingView): ManageLink {
  return { code: view.bookings[0]!.code, token: view.token ?? '' };
}

export function managePath(locale: Locale, link: ManageLink): string {
  return localizedPath(locale, 'booking') + manageLinkHash(link);
}

export function manageUrl(locale: Locale, link: ManageLink): string {
  return new URL(managePath(locale, link), location.origin).href;
}
