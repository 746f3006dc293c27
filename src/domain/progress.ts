// Campaign progress as the public page shows it: the payload of public.campaign_progress
// (supabase/schemas/09_progress.sql), the judgement of the pace, and the
// geometry of the per-district bar chart, drawn as inline SVG at build time (no chart library, no
// script). Kept free of UI so the figures can be tested without a page.
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

export interface ChartLayout {
  /** The viewBox width; the SVG scales to its container. */
  width: number;
  /** Height of one unit's row: its name above, its bar below. */
  rowHeight: number;
  /** Room on the right of the bars for the percentage. */
  valueWidth: number;
  barHeight: number;
  /** Space at the bottom for the label of the time-elapsed marker. */
  footer: number;
}

export const defaultChartLayout: ChartLayout = { width: 340, rowHeight: 48, valueWidth: 58, barHeight: 18, footer: 28 };

export interface ChartRow {
  code: string;
  name: string;
  /** Null when the unit has no quota: its row keeps its name and shows no bar. */
  percent: number | null;
  labelY: number;
  barY: number;
  /** Width of the bar; capped at the full track, so a unit past its quota does not overflow. */
  barWidth: number;
  valueX: number;
  valueY: number;
}

export interface BarChart {
  width: number;
  height: number;
  trackWidth: number;
  barHeight: number;
  rows: ChartRow[];
  /** The vertical line at the share of the campaign's time gone by. */
  marker: { x: number; top: number; bottom: number; labelY: number; anchor: 'start' | 'middle' | 'end' };
}

/** The bars of each unit's percentage of its own quota, and the time-elapsed marker across them. */
export function barChart(units: readonly UnitProgress[], elapsedPercent: number, layout: ChartLayout = defaultChartLayout): BarChart {
  const trackWidth = layout.width - layout.valueWidth;
  const scale = (percent: number) => (trackWidth * Math.min(Math.max(percent, 0), 100)) / 100;
  const rows = units.map((unit, index): ChartRow => {
    const top = index * layout.rowHeight;
    const barY = top + layout.rowHeight - layout.barHeight - 6;
    return {
      code: unit.code,
      name: unit.name,
      percent: unit.percent,
      labelY: top + 16,
      barY,
      barWidth: unit.percent === null ? 0 : scale(unit.percent),
      valueX: unit.percent === null ? 0 : scale(unit.percent) + 6,
      valueY: barY + layout.barHeight - 4,
    };
  });
  const bottom = units.length * layout.rowHeight;
  const x = scale(elapsedPercent);
  // The marker's label stays inside the drawing at either end.
  const anchor = x < trackWidth * 0.25 ? 'start' : x > trackWidth * 0.75 ? 'end' : 'middle';
  return {
    width: layout.width,
    height: bottom + layout.footer,
    trackWidth,
    barHeight: layout.barHeight,
    rows,
    marker: { x, top: 0, bottom: bottom + 4, labelY: bottom + 20, anchor },
  };
}
