// The plan's totals and its projected progress curve, counted the same way everywhere: the places
// of its sessions from today to the deadline, every place taken (the projection's assumption).
import { addDays, daysBetween } from '../dates.ts';
import { sessionPlaces } from './rules.ts';
import type { PlanDay, PlanInput, PlanSession } from './schema.ts';

/** Places per day and in all from today, for every day from today to the deadline. */
export function progressCurve(input: Pick<PlanInput, 'today' | 'deadline'>, sessions: readonly PlanSession[]): PlanDay[] {
  const perDay = new Map<string, number>();
  for (const session of sessions) perDay.set(session.date, (perDay.get(session.date) ?? 0) + sessionPlaces(session));
  const curve: PlanDay[] = [];
  let cumulative = 0;
  for (let date = input.today; daysBetween(date, input.deadline) >= 0; date = addDays(date, 1)) {
    const places = perDay.get(date) ?? 0;
    cumulative += places;
    curve.push({ date, places, cumulative });
  }
  return curve;
}

/** The places the plan offers from today to the deadline. */
export const plannedTotal = (input: Pick<PlanInput, 'today' | 'deadline'>, sessions: readonly PlanSession[]): number =>
  progressCurve(input, sessions).at(-1)?.cumulative ?? 0;
