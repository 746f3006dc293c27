// The judgement of a campaign's pace, from the figures of campaign_progress. Free of zod and of
// UI: the progress page judges at build time, and its script again with the figures it reads.
import type { CampaignProgress } from './progress.ts';

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

export type PaceKey = 'pace.done' | 'pace.noData' | 'pace.onTrack' | 'pace.behind' | 'pace.ended';

/** The `progress` key that says the judgement, and its values (the percentages already formatted). */
export function paceMessage(pace: Pace, formatPercent: (percent: number) => string): { key: PaceKey; values: { percent?: string } } {
  switch (pace.status) {
    case 'done':
      return { key: 'pace.done', values: {} };
    case 'no_data':
      return { key: 'pace.noData', values: {} };
    case 'on_track':
      return { key: 'pace.onTrack', values: {} };
    case 'behind':
      return { key: 'pace.behind', values: { percent: formatPercent(pace.projectedPercent) } };
    case 'ended':
      return { key: 'pace.ended', values: { percent: formatPercent(pace.percent) } };
  }
}
