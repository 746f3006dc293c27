// What staff_day_queue answers: every booking and walk-in of a session's shifts, as the day page
// lists and counts them. A volunteer gets no birth date (null), as private.queue_entry.
import { array, enum as picklist, nullable, number, string, strictObject, type output } from 'zod/mini';
import { bookingStatuses } from './booking-kinds.ts';

const place = {
  shift_id: number(),
  queue_no: number(),
  status: picklist(bookingStatuses),
  called_at: nullable(string()),
};

export const dayQueueSchema = strictObject({
  bookings: array(
    strictObject({
      ...place,
      code: string(),
      full_name: nullable(string()),
      birth_date: nullable(string()),
    }),
  ),
  walk_ins: array(strictObject(place)),
});
export type DayQueue = output<typeof dayQueueSchema>;
