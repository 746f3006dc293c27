// The shifts an officer may book a person into from the console (assisted booking): those of the
// published sessions of their area that are not called off and not yet over, soonest first, with
// places left. The booking engine (staff_book_places) still decides: the cut-off an hour before a
// shift ends, which only the database knows, and the places at the moment of booking.

export interface SessionWithShifts {
  session_date: string;
  published: boolean;
  cancelled_at: string | null;
  site: { name: string };
  shifts: readonly { id: number; starts_at: string; ends_at: string; capacity: number; booked: number }[];
}

export interface ShiftChoice {
  id: number;
  date: string;
  starts_at: string;
  ends_at: string;
  site: string;
  placesLeft: number;
}

export function bookableShifts(sessions: readonly SessionWithShifts[], now: Date): ShiftChoice[] {
  return sessions
    .filter((session) => session.published && session.cancelled_at === null)
    .flatMap((session) =>
      session.shifts.map((shift) => ({
        id: shift.id,
        date: session.session_date,
        starts_at: shift.starts_at,
        ends_at: shift.ends_at,
        site: session.site.name,
        placesLeft: shift.capacity - shift.booked,
      })),
    )
    .filter((shift) => shift.placesLeft > 0 && Date.parse(shift.ends_at) > now.getTime())
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at) || a.site.localeCompare(b.site, 'vi'));
}
