// The answers of the staff console's write functions (supabase/schemas/04_sites_sessions_shifts.sql,
// 06_organisations.sql, 09_progress.sql, 10_day_of_intake.sql), one strict schema each: the console parses every answer
// with its schema, and the db tests run each function's successful path through it.
import { array, boolean, int, iso, literal, strictObject, type output } from 'zod/mini';

const id = int();

/** staff_create_session: the draft session, its site (new or chosen) and its shifts in order. */
export const createdSessionSchema = strictObject({
  ok: literal(true),
  session_id: id,
  site_id: id,
  shift_ids: array(id),
});

/** staff_update_site. */
export const updatedSiteSchema = strictObject({
  ok: literal(true),
  site_id: id,
});

/** staff_set_session_published. */
export const publishedSessionSchema = strictObject({
  ok: literal(true),
  session_id: id,
  published: boolean(),
});

/** staff_set_shift_capacity: the places now, and those booked. */
export const shiftCapacitySchema = strictObject({
  ok: literal(true),
  shift_id: id,
  capacity: int(),
  booked: int(),
});

/** staff_cancel_session. */
export const cancelledSessionSchema = strictObject({ ok: literal(true), session_id: id });

/** staff_move_session: the session's new date. */
export const movedSessionSchema = strictObject({ ok: literal(true), session_id: id, date: iso.date() });

/** staff_record_daily_count: the unit's figure for the day as it now stands. */
export const dailyCountRecordSchema = strictObject({
  ok: literal(true),
  campaign_id: id,
  unit_id: id,
  day: iso.date(),
  applications: int(),
  walk_ins: int(),
  updated_at: iso.datetime({ offset: true }),
});

/** staff_mark_organisation_request_handled. */
export const handledRequestSchema = strictObject({
  ok: literal(true),
  request_id: id,
  status: literal('handled'),
});

export type CreatedSession = output<typeof createdSessionSchema>;
export type DailyCountRecord = output<typeof dailyCountRecordSchema>;
