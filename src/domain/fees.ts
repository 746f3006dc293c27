// Card fees as data (src/content/fees/schedules.json): each schedule is a circular's amounts for a
// period, with its source. The law changed after the 2021 campaign and reductions come and go, so
// the site never prints an amount of its own: it asks which schedule was in force on the date that
// matters (the session date, or today on the guide).
import { z } from 'zod';
import { inForce, isoDate, localized } from './in-force.ts';

/**
 * What an application costs depends on its kind. `age_change` is the change at one of the ages the
 * law sets (25/40/60, and 14 from 2024), free by law, listed so the table shows it with its source.
 */
export const feeKinds = ['first_issue', 'age_change', 'conversion', 'change', 'reissue'] as const;
export type FeeKind = (typeof feeKinds)[number];

/** Where the application is lodged: some reductions held only for online applications. */
export const feeChannels = ['any', 'online'] as const;

export const feeScheduleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** First and last day the schedule applies, both included; no end while it is in force. */
    valid_from: isoDate,
    valid_to: isoDate.nullable(),
    channel: z.enum(feeChannels),
    /** The circular and article, as it is cited beside the amounts. */
    source: localized,
    /** What the schedule changed, in one sentence (a halving, a new law's rates). */
    note: localized,
    fees: z
      .array(z.strictObject({ kind: z.enum(feeKinds), amount_vnd: z.int().nonnegative() }))
      .refine((fees) => new Set(fees.map((fee) => fee.kind)).size === fees.length, 'each kind once'),
  })
  .refine((schedule) => schedule.valid_to === null || schedule.valid_to >= schedule.valid_from, 'valid_to before valid_from');
export type FeeSchedule = z.output<typeof feeScheduleSchema>;

/**
 * The schedule in force on `date` for an application lodged in person (`any`) or online. A
 * reduction runs alongside the base schedule it reduces, so when several hold, the one that started
 * last wins, then the one that ends first (a reduction starting the day its circular did), then one
 * made for the channel. Null when no schedule covers the date.
 */
export function scheduleInForce(
  schedules: readonly FeeSchedule[],
  date: string,
  channel: 'in_person' | 'online' = 'in_person',
): FeeSchedule | null {
  const candidates = schedules.filter(
    (schedule) => inForce(schedule, date) && (schedule.channel === 'any' || (channel === 'online' && schedule.channel === 'online')),
  );
  const end = (schedule: FeeSchedule) => schedule.valid_to ?? '9999-12-31';
  candidates.sort(
    (a, b) =>
      b.valid_from.localeCompare(a.valid_from) ||
      end(a).localeCompare(end(b)) ||
      Number(b.channel === 'online') - Number(a.channel === 'online'),
  );
  return candidates[0] ?? null;
}

/** The amount of one kind of application under a schedule (null if the schedule leaves it out). */
export function feeAmount(schedule: FeeSchedule, kind: FeeKind): number | null {
  return schedule.fees.find((fee) => fee.kind === kind)?.amount_vnd ?? null;
}

/** Every schedule, oldest first: the history table of the guide. */
export function schedulesByDate(schedules: readonly FeeSchedule[]): FeeSchedule[] {
  return [...schedules].sort((a, b) => a.valid_from.localeCompare(b.valid_from) || a.id.localeCompare(b.id));
}
