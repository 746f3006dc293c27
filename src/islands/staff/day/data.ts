// What the day-of-intake console reads and writes, through the officer's (or volunteer's) session:
// RLS and staff_day_queue decide what comes back, the staff_* functions check the scope again
// before changing anything.
import { supabase } from '../../../lib/supabase.ts';
import { addDays } from '../../../domain/dates.ts';
import { dayQueueSchema } from '../../../domain/day-queue.ts';
import { queueEntrySchema, type BookingRow, type QueueEntry, type WalkInRow } from '../../../domain/roster.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { attempt, failure, staffRpc } from '../calls.ts';
import type { StaffMember } from '../use-staff.ts';

export type { QueueEntry } from '../../../domain/roster.ts';

export interface ShiftRow {
  id: number;
  session_id: number;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
  last_queue_no: number;
  now_serving: number;
}

export interface SessionRow {
  id: number;
  session_date: string;
  cancelled_at: string | null;
  site: { name: string; address: string; ward_id: number };
  shifts: ShiftRow[];
}

const shiftColumns = 'id, session_id, starts_at, ends_at, capacity, booked, last_queue_no, now_serving';
// Every signed-in user may also read published sessions anywhere: the ward filter keeps the
// console to the officer's own area.
const sessionColumns = `id, session_date, cancelled_at, site:intake_sites!inner(name, address, ward_id), shifts(${shiftColumns})`;

function toSessions(rows: SessionRow[]): SessionRow[] {
  return rows.map((row) => ({ ...row, shifts: [...row.shifts].sort((a, b) => a.starts_at.localeCompare(b.starts_at)) }));
}

/** Whose sessions the console lists: the officer's wards, narrowed to a volunteer's site or session. */
export interface SessionPlace {
  wardIds: readonly number[];
  post: StaffMember['post'];
}

function sessionsAt({ wardIds, post }: SessionPlace) {
  const query = supabase.from('intake_sessions').select(sessionColumns).in('site.ward_id', wardIds);
  if (!post) return query;
  return post.sessionId !== null ? query.eq('id', post.sessionId) : query.eq('site_id', post.siteId ?? 0);
}

/**
 * The sessions of the officer's wards (a volunteer's site or session) from `date` to three weeks
 * on, by date: the console shows those of `date`, and offers the next date that has any when it
 * has none.
 */
export function readSessions(place: SessionPlace, date: string): Promise<RpcResult<SessionRow[]>> {
  return attempt(async () => {
    const { data, error, status } = await sessionsAt(place)
      .gte('session_date', date)
      .lte('session_date', addDays(date, 21))
      .order('session_date')
      .order('id');
    if (error) return failure(error, status);
    return { ok: true, data: toSessions(data) };
  });
}

/** The session holding a shift, for a console opened at `?shift=ID`; null outside the officer's wards. */
export function readSessionOfShift(place: SessionPlace, shiftId: number): Promise<RpcResult<SessionRow | null>> {
  return attempt(async () => {
    const { data: shift, error, status } = await supabase.from('shifts').select('session_id').eq('id', shiftId).maybeSingle();
    if (error) return failure(error, status);
    if (!shift) return { ok: true, data: null };
    const answer = await sessionsAt(place).eq('id', shift.session_id);
    if (answer.error) return failure(answer.error, answer.status);
    return { ok: true, data: toSessions(answer.data)[0] ?? null };
  });
}

export interface SessionLive {
  shifts: ShiftRow[];
  bookings: BookingRow[];
  walkIns: WalkInRow[];
}

/**
 * Everything that moves during the day in one session: shifts' numbers, bookings, walk-ins. The
 * people come from staff_day_queue, which gives a volunteer numbers and names only.
 */
export function readSessionLive(session: SessionRow): Promise<RpcResult<SessionLive>> {
  const shiftIds = session.shifts.map((shift) => shift.id);
  return attempt(async () => {
    const [shifts, queue] = await Promise.all([
      supabase.from('shifts').select(shiftColumns).in('id', shiftIds).order('starts_at'),
      staffRpc('staff_day_queue', { p_session_id: session.id }, dayQueueSchema),
    ]);
    if (shifts.error) return failure(shifts.error, shifts.status);
    if (!queue.ok) return queue;
    // A booking has a code, a walk-in none.
    const bookings = queue.data.filter((entry): entry is QueueEntry & { code: string } => entry.code !== null);
    return { ok: true, data: { shifts: shifts.data, bookings, walkIns: queue.data.filter((entry) => entry.kind === 'walk_in') } };
  });
}

type StaffCall =
  | { name: 'staff_check_in'; args: { p_code: string } }
  | { name: 'staff_add_walk_in'; args: { p_shift_id: number; p_request_key: string } }
  | { name: 'staff_call_next'; args: { p_shift_id: number; p_now_serving: number } }
  | { name: 'staff_call_number' | 'staff_undo_mark'; args: { p_shift_id: number; p_queue_no: number } }
  | { name: 'staff_mark'; args: { p_shift_id: number; p_queue_no: number; p_status: 'served' | 'no_show' } };

/** One of the queue's staff functions; each answers the queue entry it acted on. */
export function staffCall(call: StaffCall): Promise<RpcResult<QueueEntry>> {
  return staffRpc(call.name, call.args, queueEntrySchema);
}

// =====================================================================
// Daily counts
// =====================================================================

export interface CountRow {
  applications: number;
  walk_ins: number;
  updated_at: string;
}

export function readCount(campaignId: number, unitId: number, day: string): Promise<RpcResult<CountRow | null>> {
  return attempt(async () => {
    const { data, error, status } = await supabase
      .from('daily_intake_counts')
      .select('applications, walk_ins, updated_at')
      .eq('campaign_id', campaignId)
      .eq('unit_id', unitId)
      .eq('day', day)
      .maybeSingle();
    if (error) return failure(error, status);
    return { ok: true, data };
  });
}
