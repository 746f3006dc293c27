// The booking page's addresses as the booking, join and manage pages show them: the private link
// (/{lang}/booking/#code=…&t=…) as a path for a link on the page and as a full URL; the page
// alone (the calendar entry's link) and the ticket's QR code (#lookup=CODE), both without token.
import type { BookingView } from '../../domain/booking-view.ts';
import { manageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import { lookupHash } from '../../domain/ticket-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';

/** The link of a booking just made: its first person's code and the booking's token. */
export function manageLinkOf(view: BookingView): ManageLink {
  return { code: view.bookings[0]!.code, token: view.token ?? '' };
}

export function managePath(locale: Locale, link: ManageLink): string {
  return localizedPath(locale, 'booking') + manageLinkHash(link);
}

/** The booking page as a full URL; without a fragment (no code, no token) the calendar entry's link. */
export function bookingPageUrl(locale: Locale, hash = ''): string {
  return new URL(localizedPath(locale, 'booking') + hash, location.origin).href;
}

export function manageUrl(locale: Locale, link: ManageLink): string {
  return bookingPageUrl(locale, manageLinkHash(link));
}

/** What a person's QR code holds: the lookup with their code filled in. */
export function ticketQrUrl(locale: Locale, code: string): string {
  return bookingPageUrl(locale, lookupHash(code));
}
