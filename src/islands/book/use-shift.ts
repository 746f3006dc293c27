// The shift being booked, with its session, campaign (its age rule, its slug for the links back to
// its schedules, and whether it is a demonstration) and site, read once and again on "try again".
import { useEffect, useMemo, useState } from 'react';
import { from } from '../../lib/public-api.ts';
import { useRead } from '../shared/use-read.ts';

/** The shift with its session, campaign and site, as PostgREST embeds them. */
const selectShift = (shiftId: number) =>
  from('shifts')
    .select('id, starts_at, ends_at, booking_closes_at, capacity, booked, session:intake_sessions(session_date, cancelled_at, campaign:campaigns(min_age, slug, demonstration), site:intake_sites(name, address, access_notes))')
    .eq('id', shiftId)
    .maybeSingle();

// The type postgrest-js gives the select (from database.types.ts), not one written by hand.
export type Shift = NonNullable<Awaited<ReturnType<typeof selectShift>>['data']>;

/** The shift as read (null when there is none), and whether booking had closed by then. */
interface Read {
  shift: Shift | null;
  closed: boolean;
}

async function readShift(shiftId: number): Promise<Read | 'error'> {
  const { data, error, status } = await selectShift(shiftId);
  if (error || status === 0) return 'error';
  // The cut-off is the database's own (shifts.booking_closes_at; book_places refuses shift_past after it).
  return { shift: data, closed: data !== null && Date.now() >= Date.parse(data.booking_closes_at) };
}

// setTimeout's longest wait, about 24 days.
const longestWait = 2 ** 31 - 1;

/**
 * `shift`: undefined while reading, null when there is no such shift (or no id), 'error' when the
 * read failed. `closed`: booking has closed, as read, or since while the page stayed open.
 */
export function useShift(shiftId: number) {
  const [answer, setAnswer] = useState<Read | 'error'>();
  const read = useMemo(() => (shiftId ? () => readShift(shiftId) : null), [shiftId]);
  const reread = useRead(read, setAnswer);

  const open = answer !== undefined && answer !== 'error' && !answer.closed ? answer : null;
  useEffect(() => {
    if (!open?.shift) return;
    const left = Date.parse(open.shift.booking_closes_at) - Date.now();
    if (left > longestWait) return;
    const timer = setTimeout(() => setAnswer({ ...open, closed: true }), left);
    return () => clearTimeout(timer);
  }, [open]);

  async function reload() {
    setAnswer(undefined);
    await reread();
  }

  if (!shiftId) return { shift: null, closed: false, reload };
  if (answer === undefined || answer === 'error') return { shift: answer, closed: false, reload };
  return { shift: answer.shift, closed: answer.closed, reload };
}
