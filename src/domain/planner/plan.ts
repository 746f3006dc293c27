// The planner: the schedule, its totals and progress curve, and what it would need when it misses.
import { plannedTotal, progressCurve } from './progress.ts';
import { schedule } from './schedule.ts';
import { shortfall } from './shortfall.ts';
import type { PlanInput, PlanOutput } from './schema.ts';

/** Plans `input` (parsed with planInput): every published session within the notice, every lock, and the rest. */
export function plan(input: PlanInput): PlanOutput {
  const sessions = schedule(input);
  const planned = plannedTotal(input, sessions);
  return {
    sessions,
    totals: { quota: input.quota, planned, met: planned >= input.quota },
    curve: progressCurve(input, sessions),
    shortfall: shortfall(input, planned),
  };
}
