// Campaign progress as the public page shows it: the payload of public.campaign_progress
// (supabase/schemas/09_progress.sql). The rules the page applies to it are in pace.ts and
// ranking.ts, away from zod, since the page's script applies them too.
import { z } from 'zod';

export { formatPercent } from '../lib/format.ts';

const isoDate = z.iso.date();
const count = z.number().int().nonnegative();

/** One unit directly under the province: a district in the 2021 set, a commune in the 2025 set. */
export const unitProgressSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  /** The 2025 set's English name; null in the 2021 set. */
  name_en: z.string().nullable(),
  kind: z.string(),
  /** Null when the province set this unit no quota of its own. */
  quota: count.nullable(),
  intake: count,
  today: count,
  /** Applications over the campaign's `recent_days` before today. */
  recent_intake: count,
  /** Their average a day; null when no day of the campaign is over yet. */
  recent_average: count.nullable(),
  percent: z.number().nonnegative().nullable(),
  rate_needed: count.nullable(),
  /** Place by share of quota done, equal shares sharing a place; null without a quota. */
  rank: z.number().int().positive().nullable(),
  /** The recent average a day is below the rate needed to finish by the deadline. */
  at_risk: z.boolean(),
});

export const campaignProgressSchema = z.strictObject({
  slug: z.string(),
  /** The figures are made up for the demonstration: the pages say so. */
  demonstration: z.boolean(),
  quota: z.number().int().positive(),
  daily_target: count.nullable(),
  starts_on: isoDate,
  deadline: isoDate,
  today: isoDate,
  intake: count,
  remaining: count,
  percent: z.number().nonnegative(),
  days_left: count,
  days_elapsed: count,
  /** Null before the first day of the campaign is over. */
  average_daily: count.nullable(),
  /** Null once the deadline has passed. */
  rate_needed: count.nullable(),
  booked_upcoming: count,
  /** The days the recent figures cover: the seven before today, fewer in the first week. */
  recent_days: z.number().int().min(0).max(7),
  recent_intake: count,
  recent_average: count.nullable(),
  /** Ranked: the first place first, units without a quota last. */
  units: z.array(unitProgressSchema),
  /** When the figures were computed: at most a minute before they were read. */
  as_of: z.iso.datetime({ offset: true }),
});

export type UnitProgress = z.infer<typeof unitProgressSchema>;
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/** Reads the function's answer; a changed payload stops the build rather than showing nonsense. */
export function parseCampaignProgress(data: unknown): CampaignProgress {
  return campaignProgressSchema.parse(data);
}
