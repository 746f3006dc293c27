// The day of intake as the staff console sees it: the roster of a shift (bookings and walk-ins in
// queue order), its counts, the order of calling and the officer's search (the CSV export is in
// roster-csv.ts, the daily count form in daily-count.ts). Pure functions: the island reads the rows with supabase-js
// and hands them here.
import { enum as picklist, nullable, number, strictObject, string, type output } from 'zod/mini';
import { normalizeCode } from './booking-code.ts';
import { bookingStatuses, type BookingStatus } from './booking-kinds.ts';

// The islands read the status type here, with the roster it belongs to.
export type { BookingStatus } from './booking-kinds.ts';

/** A row of `bookings` as an officer may read it. */
export interface BookingRow {
  shift_id: number;
  queue_no: number;
  code: string;
  status: string;
  full_name: string | null;
  birth_date: string | null;
  called_at: string | null;
}

/** A row of `walk_ins`. */
export interface WalkInRow {
  shift_id: number;
  queue_no: number;
  status: string;
  called_at: string | null;
}

/** What staff_check_in, staff_add_walk_in, staff_call_next, staff_call_number, staff_mark and staff_undo_mark answer (private.queue_entry). */
export const queueEntrySchema = strictObject({
  kind: picklist(['booking', 'walk_in'] as const),
  /** Null for a walk-in, who has no booking. */
  code: nullable(string()),
  queue_no: number(),
  status: picklist(bookingStatuses),
  full_name: nullable(string()),
  birth_date: nullable(string()),
  shift_id: number(),
  /** When the number was last called; null while it never was. */
  called_at: nullable(string()),
});
export type QueueEntry = output<typeof queueEntrySchema>;

/** One person in the queue of a shift: booked, or given a number at the site. */
export interface RosterEntry {
  kind: 'booking' | 'walk_in';
  queueNo: number;
  /** Null for a walk-in, who has no booking. */
  code: string | null;
  fullName: string | null;
  birthDate: string | null;
  status: BookingStatus;
  /** When the number was last called; null while it never was. */
  calledAt: string | null;
}

/**
 * The queue of one shift, by queue number. Cancelled bookings are left out: their holders are not
 * coming, and their numbers are never handed out again (the numbers simply skip them).
 */
export function buildRoster(shiftId: number, bookings: readonly BookingRow[], walkIns: readonly WalkInRow[]): RosterEntry[] {
  const entries: RosterEntry[] = [
    ...bookings
      .filter((row) => row.shift_id === shiftId && row.status !== 'cancelled')
      .map((row) => ({
        kind: 'booking' as const,
        queueNo: row.queue_no,
        code: row.code,
        fullName: row.full_name,
        birthDate: row.birth_date,
        status: row.status as BookingStatus,
        calledAt: row.called_at,
      })),
    ...walkIns
      .filter((row) => row.shift_id === shiftId)
      .map((row) => ({
        kind: 'walk_in' as const,
        queueNo: row.queue_no,
        code: null,
        fullName: null,
        birthDate: null,
        status: row.status as BookingStatus,
        calledAt: row.called_at,
      })),
  ];
  return entries.sort((a, b) => a.queueNo - b.queueNo);
}

/** Where a person stands as the console shows it: one checked in whom a call has reached is "called", no longer waiting. */
export type RosterState = BookingStatus | 'called';

export function rosterState(entry: Pick<RosterEntry, 'status' | 'calledAt'>): RosterState {
  return entry.status === 'checked_in' && entry.calledAt !== null ? 'called' : entry.status;
}

/**
 * Who "call next" takes, in order (staff_call_next): the people here whom no call has reached
 * yet, lowest number first; a late arrival joins at their own number.
 */
export function callOrder(roster: readonly RosterEntry[]): RosterEntry[] {
  return roster.filter((entry) => rosterState(entry) === 'checked_in');
}

/**
 * What the console offers on a person: call (only someone here), served (only someone here), not
 * come, or take either back. A volunteer (`marks` false) calls only: marking is an officer's
 * (staff_mark and staff_undo_mark refuse a volunteer).
 */
export function rosterActions(entry: RosterEntry, marks = true): { call: boolean; served: boolean; noShow: boolean; undo: boolean } {
  const here = entry.status === 'checked_in';
  return {
    call: here,
    served: marks && here,
    noShow: marks && (here || entry.status === 'confirmed'),
    undo: marks && (entry.status === 'served' || entry.status === 'no_show'),
  };
}

export interface ShiftCounts {
  /** Places taken by bookings (all but cancelled ones). */
  booked: number;
  /** Here and waiting: checked in (booked or walked in), not yet called. */
  checkedIn: number;
  served: number;
  noShow: number;
  /** Numbers handed out to people without a booking, whatever became of them. */
  walkIns: number;
}

const emptyCounts = (): ShiftCounts => ({ booked: 0, checkedIn: 0, served: 0, noShow: 0, walkIns: 0 });

/** The counts of every shift named in `shiftIds`, from the bookings and walk-ins read for them. */
export function countShifts(shiftIds: readonly number[], bookings: readonly BookingRow[], walkIns: readonly WalkInRow[]): Map<number, ShiftCounts> {
  const counts = new Map(shiftIds.map((id) => [id, emptyCounts()]));
  const tally = (row: { shift_id: number; status: string; called_at: string | null }) => {
    const shift = counts.get(row.shift_id);
    if (!shift) return undefined;
    // Waiting: here and not yet called (a called person is at the desk, as the roster shows them).
    if (row.status === 'checked_in' && row.called_at === null) shift.checkedIn += 1;
    else if (row.status === 'served') shift.served += 1;
    else if (row.status === 'no_show') shift.noShow += 1;
    return shift;
  };
  for (const row of bookings) {
    if (row.status === 'cancelled') continue;
    const shift = tally(row);
    if (shift) shift.booked += 1;
  }
  for (const row of walkIns) {
    const shift = tally(row);
    if (shift) shift.walkIns += 1;
  }
  return counts;
}

/**
 * Text as an officer types a search: no tone marks or other diacritics, đ as d, lower case, single
 * spaces. Officers type on phones, often without a Vietnamese keyboard, so "nguyen" finds
 * "Nguyễn". (Booking itself keeps the marks: there, names differing by a mark are different.)
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether an entry matches a search: part of the name (marks ignored) or of the booking code. */
export function matchesSearch(entry: RosterEntry, query: string): boolean {
  const folded = foldForSearch(query);
  if (folded === '') return true;
  if (entry.fullName !== null && foldForSearch(entry.fullName).includes(folded)) return true;
  const code = normalizeCode(query);
  return entry.code !== null && code !== '' && entry.code.includes(code);
}
