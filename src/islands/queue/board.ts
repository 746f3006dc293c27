// The queue board's data, without UI: which session the address asks for, the payload of
// public.now_serving_board (supabase/schemas/10_day_of_intake.sql), and which shifts
// called a new number between two reads. zod/mini rather than zod: the board's page carries React
// and this alone, and the full zod would add a fifth of the JavaScript budget for one schema.
import * as z from 'zod/mini';

/** Every how many milliseconds the board reads the numbers again. */
export const refreshMs = 10_000;

/** The session id of `?session=ID`, or null when it is missing or not a positive integer. */
export function readSessionId(search: string): number | null {
  const value = new URLSearchParams(search).get('session')?.trim() ?? '';
  if (!/^[1-9]\d{0,14}$/.test(value)) return null;
  return Number(value);
}

const shiftSchema = z.strictObject({
  id: z.number(),
  starts_at: z.string(),
  ends_at: z.string(),
  now_serving: z.number(),
  now_serving_at: z.nullable(z.string()),
  last_queue_no: z.number(),
  /** Numbers called before the one being served whose holders are still waiting, the latest first. */
  called_before: z.array(z.number()),
});

const boardSchema = z.strictObject({
  session_id: z.number(),
  date: z.string(),
  cancelled_at: z.nullable(z.string()),
  site: z.strictObject({ name: z.string(), address: z.string() }),
  shifts: z.array(shiftSchema),
  as_of: z.string(),
});

/** What now_serving_board answers: null for a session that does not exist or is not published. */
export const boardAnswerSchema = z.nullable(boardSchema);

export type Board = z.infer<typeof boardSchema>;
type BoardShift = z.infer<typeof shiftSchema>;

/** The shifts that called a number since the previous read, a number called again included: what is announced. */
export function newlyCalled(previous: Board, next: Board): BoardShift[] {
  const before = new Map(previous.shifts.map((shift) => [shift.id, shift.now_serving_at]));
  return next.shifts.filter((shift) => shift.now_serving > 0 && shift.now_serving_at !== before.get(shift.id));
}

/** Whether `now` falls within the shift. */
export function isInProgress(shift: BoardShift, now: Date): boolean {
  return new Date(shift.starts_at) <= now && now < new Date(shift.ends_at);
}
