// The progress curve the console draws (PlanCurve): the campaign's actual intake up to yesterday
// and the plan's projection from today, as one cumulative series against the campaign's quota;
// the day the quota is reached, or by how much the deadline misses it.
import { addDays, daysBetween } from '../dates.ts';
import type { PlanDay } from './schema.ts';

/** A day of the campaign: applications that day and in all since the start; actual before today, projected from today. */
export interface CurvePoint {
  date: string;
  applications: number;
  cumulative: number;
  kind: 'actual' | 'projected';
}

export interface CurveInput {
  /** The campaign's quota: all its applications, those already taken included. */
  quota: number;
  startsOn: string;
  deadline: string;
  today: string;
  /** The plan's days from today (planOutput.curve): every place taken, the projection's assumption. */
  projected: readonly PlanDay[];
  /** Applications per day so far (daily intake counts); days from today on are left to the projection. */
  actual: readonly { date: string; applications: number }[];
}

export interface Curve {
  points: CurvePoint[];
  /** Applications before today. */
  taken: number;
  /** Applications by the deadline, actual and projected. */
  total: number;
  /** The first day the cumulative intake reaches the quota, or null. */
  reachedOn: string | null;
  /** Applications the deadline misses the quota by (0 when it is reached). */
  shortfall: number;
}

/**
 * The series from the earlier of the start and today to the deadline. Actual applications dated
 * before the first day count on the first day, so the total is right whenever they were entered.
 */
export function progressSeries(input: CurveInput): Curve {
  const first = daysBetween(input.startsOn, input.today) < 0 ? input.today : input.startsOn;
  const perDay = new Map<string, number>();
  const add = (date: string, applications: number) => perDay.set(date, (perDay.get(date) ?? 0) + applications);
  for (const day of input.actual) if (daysBetween(day.date, input.today) > 0) add(daysBetween(day.date, first) > 0 ? first : day.date, day.applications);
  for (const day of input.projected) if (daysBetween(input.today, day.date) >= 0) add(day.date, day.places);

  const points: CurvePoint[] = [];
  let cumulative = 0;
  let taken = 0;
  let reachedOn: string | null = null;
  for (let date = first; daysBetween(date, input.deadline) >= 0; date = addDays(date, 1)) {
    const applications = perDay.get(date) ?? 0;
    const kind = daysBetween(date, input.today) > 0 ? 'actual' : 'projected';
    cumulative += applications;
    if (kind === 'actual') taken = cumulative;
    if (reachedOn === null && input.quota > 0 && cumulative >= input.quota) reachedOn = date;
    points.push({ date, applications, cumulative, kind });
  }
  return { points, taken, total: cumulative, reachedOn, shortfall: Math.max(0, input.quota - cumulative) };
}

/** A row of the curve's table: up to a week of one kind (a week is cut where the projection starts). */
export interface CurveWeek {
  from: string;
  to: string;
  applications: number;
  cumulative: number;
  kind: CurvePoint['kind'];
}

/** The series by weeks from its first day, for the table that says what the chart draws. */
export function curveWeeks(points: readonly CurvePoint[]): CurveWeek[] {
  const weeks: CurveWeek[] = [];
  for (const point of points) {
    const last = weeks.at(-1);
    if (last && last.kind === point.kind && daysBetween(last.from, point.date) < 7) {
      last.to = point.date;
      last.applications += point.applications;
      last.cumulative = point.cumulative;
    } else {
      weeks.push({ from: point.date, to: point.date, applications: point.applications, cumulative: point.cumulative, kind: point.kind });
    }
  }
  return weeks;
}

/** Round values for the chart's scale, from 0 to at least `top`: 1, 2 or 5 times a power of ten apart. */
export function axisTicks(top: number, most = 5): number[] {
  if (top <= 0) return [0];
  const rough = top / (most - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
}
