// The private status link of a home visit (/{lang}/home-visit/status/#code=…&t=…, the booking
// link's form: the fragment never reaches a server), and the links kept on this device, so a
// family asking again for the same person is shown the way to the request they already sent.
import { object, string } from 'zod/mini';
import { manageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { readStoredList } from '../shared/stored-list.ts';

const storageKey = 'cccd.homeVisits.v1';

export function statusUrl(locale: Locale, link: ManageLink): string {
  return localizedPath(locale, 'home-visit/status') + manageLinkHash(link);
}

const savedLinkSchema = object({ code: string(), token: string() });

function savedLinks(): ManageLink[] {
  return readStoredList(storageKey, savedLinkSchema);
}

export function saveLink(link: ManageLink): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify([link, ...savedLinks().filter((saved) => saved.code !== link.code)].slice(0, 10)));
  } catch {
    // Storage full or disabled (private browsing): the receipt still shows the link to keep.
  }
}

export function savedLink(code: string): ManageLink | undefined {
  return savedLinks().find((link) => link.code === code);
}
