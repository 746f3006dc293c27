// The roster of a sign-up link as the coordinator and the unit's staff see it: counts, search
// without tone marks and the CSV file. Apart from signup-links.ts so the join page does not load it.
import { array, enum as picklist, nullable, number, strictObject, string, type output } from 'zod/mini';
import { bookingStatuses } from './booking-kinds.ts';
import { toCsv } from './roster-csv.ts';
import { foldForSearch, type BookingStatus } from './roster.ts';
import { linkStates, linkStatuses, organisationKinds } from './signup-links.ts';

const linkRosterEntrySchema = strictObject({
  code: string(),
  queue_no: number(),
  status: picklist(bookingStatuses),
  full_name: nullable(string()),
  birth_date: nullable(string()),
  org_group: nullable(string()),
  shift: strictObject({ id: number(), starts_at: string(), ends_at: string() }),
});
export type LinkRosterEntry = output<typeof linkRosterEntrySchema>;

/** What coordinator_roster, coordinator_remove_entry and staff_link_roster answer (private.link_roster). */
export const linkRosterSchema = strictObject({
  link: strictObject({
    id: number(),
    org_name: string(),
    org_kind: picklist(organisationKinds),
    places: number(),
    /** Within the link's places and its session's bookable shifts (public bookings share them). */
    places_left: number(),
    status: picklist(linkStatuses),
    state: picklist(linkStates),
    closes_at: string(),
  }),
  session: strictObject({ date: string(), site_name: string(), address: string() }),
  entries: array(linkRosterEntrySchema),
});
export type LinkRoster = output<typeof linkRosterSchema>;

export interface LinkRosterCounts {
  /** Places taken on the link: every entry but cancelled ones. */
  signedUp: number;
  checkedIn: number;
  served: number;
  cancelled: number;
  /** As the database counts it: the link's own places and its session's shifts both bound it. */
  placesLeft: number;
}

export function countLinkRoster(roster: LinkRoster): LinkRosterCounts {
  const count = (status: BookingStatus) => roster.entries.filter((entry) => entry.status === status).length;
  const cancelled = count('cancelled');
  const signedUp = roster.entries.length - cancelled;
  return { signedUp, checkedIn: count('checked_in'), served: count('served'), cancelled, placesLeft: roster.link.places_left };
}

/** Whether an entry matches the coordinator's search: name or class/department, marks ignored. */
export function matchesLinkSearch(entry: LinkRosterEntry, query: string): boolean {
  const folded = foldForSearch(query);
  if (folded === '') return true;
  return [entry.full_name, entry.org_group].some((text) => text !== null && foldForSearch(text).includes(folded));
}

export interface LinkCsvLabels {
  headers: { queueNo: string; fullName: string; group: string; birthDate: string; shift: string; status: string; code: string };
  status: (status: BookingStatus) => string;
  shift: (entry: LinkRosterEntry) => string;
}

/** The roster as a CSV file (UTF-8 with BOM, see toCsv), cancelled entries left out. */
export function linkRosterCsv(entries: readonly LinkRosterEntry[], labels: LinkCsvLabels): string {
  const { headers } = labels;
  return toCsv([
    [headers.queueNo, headers.fullName, headers.group, headers.birthDate, headers.shift, headers.status, headers.code],
    ...entries
      .filter((entry) => entry.status !== 'cancelled')
      .map((entry) => [entry.queue_no, entry.full_name, entry.org_group, entry.birth_date, labels.shift(entry), labels.status(entry.status), entry.code]),
  ]);
}
