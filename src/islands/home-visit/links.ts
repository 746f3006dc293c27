// The private status link of a home visit (/{lang}/home-visit/status/#code=…&t=…, the booking
// link's form: the fragment never reaches a server), and the links kept on this device, so a
// family asking again for the same person is shown the way to the request they already sent, and
// the status page shows the code and the status it last read when the network fails.
import { enum as picklist, object, optional, string, type output } from 'zod/mini';
import { statuses, type HomeVisitStatus } from '../../domain/home-visit-basics.ts';
import { manageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { readStoredList } from '../shared/stored-list.ts';

const storageKey = 'cccd.homeVisits.v1';

export function statusUrl(locale: Locale, link: ManageLink): string {
  return localizedPath(locale, 'home-visit/status') + manageLinkHash(link);
}

/** A link kept before the status was kept with it has none: it still opens the request. */
const savedLinkSchema = object({ code: string(), token: string(), status: optional(picklist(statuses)), checkedAt: optional(string()) });

export type SavedLink = output<typeof savedLinkSchema>;

function savedLinks(): SavedLink[] {
  return readStoredList(storageKey, savedLinkSchema);
}

/** Keeps a request's link, with its status as just read (else the one kept before). */
export function saveLink(link: ManageLink, status?: HomeVisitStatus): void {
  const kept = savedLink(link.code);
  const entry: SavedLink = { ...kept, code: link.code, token: link.token, ...(status && { status, checkedAt: new Date().toISOString() }) };
  try {
    localStorage.setItem(storageKey, JSON.stringify([entry, ...savedLinks().filter((saved) => saved.code !== link.code)].slice(0, 10)));
  } catch {
    // Storage full or disabled (private browsing): the receipt still shows the link to keep.
  }
}

export function savedLink(code: string): SavedLink | undefined {
  return savedLinks().find((link) => link.code === code);
}
