// The shift being booked, with its session, campaign and site, read once and again on "try again".
import { useEffect, useState } from 'react';
import { from } from '../../lib/public-api.ts';

export interface Shift {
  id: number;
  starts_at: string;
  ends_at: string;
  booking_closes_at: string;
  capacity: number;
  booked: number;
  session: {
    session_date: string;
    cancelled_at: string | null;
    campaign: { min_age: number } | null;
    site: { name: string; address: string; access_notes: string | null } | null;
  } | null;
}

/** undefined while reading, null when there is no such shift (or no id), 'error' when the read failed. */
export function useShift(shiftId: number) {
  const [shift, setShift] = useState<Shift | null | 'error'>();

  async function load() {
    setShift(undefined);
    const { data, error, status } = await from('shifts')
      .select('id, starts_at, ends_at, booking_closes_at, capacity, booked, session:intake_sessions(session_date, cancelled_at, campaign:campaigns(min_age), site:intake_sites(name, address, access_notes))')
      .eq('id', shiftId)
      .maybeSingle();
    setShift(error || status === 0 ? 'error' : ((data as Shift | null) ?? null));
  }

  useEffect(() => {
    if (shiftId) void load();
    else setShift(null);
  }, [shiftId]);

  return { shift, reload: load };
}
