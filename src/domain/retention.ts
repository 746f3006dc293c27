// What public.purge_personal_data answers (run daily by a scheduled job, or with the secret key,
// never by the site): the day before which personal data was cleared, and how many rows of each kind it cleared.
import { number, strictObject, string, type output } from 'zod/mini';

export const purgeReportSchema = strictObject({
  cutoff: string(),
  bookings: number(),
  groups: number(),
  home_visits: number(),
  organisation_requests: number(),
  signup_links: number(),
  audit_entries: number(),
  messages: number(),
});

export type PurgeReport = output<typeof purgeReportSchema>;
