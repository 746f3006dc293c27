// Campaign progress as the public page shows it: the payload of public.campaign_progress
// (supabase/schemas/09_progress.sql) and the judgement of the pace. Kept free of UI so the figures
// can be tested without a page; the ranking's own rules, which the page's script needs too, are in
// ranking.ts, away from zod.
import { z } from 'zod';

export { formatPercent } from '../lib/format.ts';

const isoDate = z.iso.date();
const count = z.number().int().nonnegative();

/** One unit directly under the province: a district in the 2021 set, a commune in the 2025 set. */
export const unitProgressSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
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
});

export type UnitProgress = z.infer<typeof unitProgressSchema>;
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/** Reads the function's answer; a changed payload stops the build rather than showing nonsense. */
export function parseCampaignProgress(data: unknown): CampaignProgress {
  return campaignProgressSchema.parse(data);
}

/** How far through its days the campaign is, 0–100: where a unit on schedule would stand. */
export function timeElapsedPercent(progress: Pick<CampaignProgress, 'days_elapsed' | 'days_left'>): number {
  const total = progress.days_elapsed + progress.days_left;
  return total === 0 ? 100 : (100 * progress.days_elapsed) / total;
}

export type Pace =
  | { status: 'done' }
  | { status: 'no_data' }
  | { status: 'on_track' }
  | { status: 'behind'; projectedPercent: number }
  | { status: 'ended'; percent: number };

/**
 * Whether the campaign will make its quota at the pace kept so far: the average a day against
 * the rate now needed. "Behind" says how much of the quota that pace reaches by the deadline,
 * which reads more plainly than a gap in applications a day.
 */
export function judgePace(progress: CampaignProgress): Pace {
  if (progress.remaining === 0) return { status: 'done' };
  if (progress.days_left === 0 || progress.rate_needed === null) return { status: 'ended', percent: progress.percent };
  if (progress.average_daily === null || progress.days_elapsed === 0) return { status: 'no_data' };
  if (progress.average_daily >= progress.rate_needed) return { status: 'on_track' };
  const projected = progress.intake + progress.average_daily * progress.days_left;
  return { status: 'behind', projectedPercent: Math.floor((1000 * projected) / progress.quota) / 10 };
}
