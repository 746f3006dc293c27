// What staff_day_queue answers: every booking and walk-in of a session's shifts, each as the queue
// functions answer one (a volunteer gets no birth date), for the day page to list and count.
import { array } from 'zod/mini';
import { queueEntrySchema } from './roster.ts';

export const dayQueueSchema = array(queueEntrySchema);
