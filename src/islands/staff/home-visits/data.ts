// What the home-visits page reads and writes through the officer's supabase-js session: RLS
// returns only the requests of the officer's scope; the staff_* functions check it again.
import { closedAnswerSchema, scheduledAnswerSchema, type ClosedAnswer, type HomeVisitStatus, type Outcome, type Schedule, type ScheduledAnswer } from '../../../domain/home-visit.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { attempt, failure, staffRpc } from '../calls.ts';

const columns =
  'id, code, status, created_at, full_name, birth_date, old_id_number, reason, reason_other, street_address, landmark, lat, lng, needs, ethnic_language, preferred_days, preferred_periods, requester_name, requester_phone, relationship, scheduled_on, scheduled_from, scheduled_to, team_contact, outcome_note, ward:admin_units!ward_id(id, name, parent_id)';

type Row = Omit<StaffHomeVisit, 'ward'> & { ward: { id: number; name: string; parent_id: number | null } | null };
type Answer<T> = { data: T; error: { code?: string | null; details?: unknown } | null; status: number };

/**
 * The rows with their wards' districts (name and centroid, where the map places a visit without a
 * location), read in a second query: PostgREST's embedding of admin_units in itself is ambiguous.
 */
function rows(query: PromiseLike<Answer<unknown>>): Promise<RpcResult<StaffHomeVisit[]>> {
  return attempt(async () => {
    const { data, error, status } = await query;
    if (error) return failure(error, status);
    const visits = data as Row[];
    const parentIds = [...new Set(visits.map((visit) => visit.ward?.parent_id).filter((id) => id != null))];
    const districts = await supabase.from('admin_units').select('id, name, lat, lng').in('id', parentIds);
    if (districts.error) return failure(districts.error, districts.status);
    const byId = new Map(districts.data.map((district) => [district.id, district]));
    return {
      ok: true,
      data: visits.map((visit) => ({
        ...withTimes(visit),
        ward: visit.ward && { id: visit.ward.id, name: visit.ward.name, district: byId.get(visit.ward.parent_id ?? -1) ?? null },
      })),
    };
  });
}

export interface StaffHomeVisit {
  id: number;
  code: string;
  status: HomeVisitStatus;
  created_at: string;
  full_name: string;
  birth_date: string;
  old_id_number: string | null;
  reason: string;
  reason_other: string | null;
  street_address: string;
  landmark: string | null;
  lat: number | null;
  lng: number | null;
  needs: string[];
  ethnic_language: string | null;
  preferred_days: number[];
  preferred_periods: string[];
  requester_name: string;
  requester_phone: string;
  relationship: string;
  scheduled_on: string | null;
  scheduled_from: string | null;
  scheduled_to: string | null;
  team_contact: string | null;
  outcome_note: string | null;
  ward: { id: number; name: string; district: { name: string; lat: number | null; lng: number | null } | null } | null;
}

/** Postgres `time` comes as 08:30:00; the console shows and sends 08:30. */
function withTimes<T extends Pick<StaffHomeVisit, 'scheduled_from' | 'scheduled_to'>>(visit: T): T {
  return { ...visit, scheduled_from: visit.scheduled_from?.slice(0, 5) ?? null, scheduled_to: visit.scheduled_to?.slice(0, 5) ?? null };
}

/** The requests of the officer's scope with these statuses, oldest first; purged ones are only counts. */
export function readRequests(statuses: readonly HomeVisitStatus[]): Promise<RpcResult<StaffHomeVisit[]>> {
  return rows(supabase.from('home_visit_requests').select(columns).in('status', [...statuses]).is('purged_at', null).order('created_at').limit(300));
}

/** The visits scheduled on a day (and those already done or not done that day), by start time. */
export function readDay(date: string): Promise<RpcResult<StaffHomeVisit[]>> {
  return rows(
    supabase
      .from('home_visit_requests')
      .select(columns)
      .eq('scheduled_on', date)
      .in('status', ['scheduled', 'done', 'could_not'])
      .is('purged_at', null)
      .order('scheduled_from')
      .limit(300),
  );
}

export function scheduleVisit(id: number, schedule: Schedule): Promise<RpcResult<ScheduledAnswer>> {
  return staffRpc(
    'staff_schedule_home_visit',
    { p_id: id, p_date: schedule.date, p_from: schedule.from, p_to: schedule.to, p_team_contact: schedule.team_contact },
    scheduledAnswerSchema,
  );
}

export function closeVisit(id: number, outcome: Outcome): Promise<RpcResult<ClosedAnswer>> {
  return staffRpc('staff_close_home_visit', { p_id: id, p_status: outcome.status, p_note: outcome.note ?? '' }, closedAnswerSchema);
}
