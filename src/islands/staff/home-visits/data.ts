// What the home-visits page reads and writes through the officer's session: RLS
// returns only the requests of the officer's scope; the staff_* functions check it again.
import type { ClosedAnswer, Outcome, Schedule, ScheduledAnswer } from '../../../domain/home-visit.ts';
import { statuses, type HomeVisitStatus } from '../../../domain/home-visit-basics.ts';
import type { PostgrestResponse } from '@supabase/postgrest-js';
import { array, enum as picklist, object, string, type output } from 'zod/mini';
import { readAnswer } from '../../../lib/answers.ts';
import type { Database } from '../../../lib/database.types.ts';
import { supabase, type QueryData } from '../../../lib/supabase.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { attempt, failure, staffRpc } from '../calls.ts';

type Tables = Database['public']['Tables'];
type Area = Pick<Tables['admin_units']['Row'], 'name' | 'lat' | 'lng'>;

/** The requests of the officer's scope (RLS) with what the console shows of each and its ward. */
const selectVisits = () =>
  supabase
    .from('home_visit_requests')
    .select(
      'id, code, status, created_at, full_name, birth_date, old_id_number, reason, reason_other, street_address, landmark, lat, lng, needs, ethnic_language, preferred_days, preferred_periods, requester_name, requester_phone, relationship, scheduled_on, scheduled_from, scheduled_to, team_contact, outcome_note, ward:admin_units!ward_id(id, name, parent_id, lat, lng)',
    );

type Row = QueryData<ReturnType<typeof selectVisits>>[number];

/**
 * What the generated types cannot say of a request the console reads (never a purged one): its
 * status is one of the statuses (a check constraint) and the person's facts are there (purging
 * empties them).
 */
const visitFactsSchema = object({
  status: picklist(statuses),
  full_name: string(),
  birth_date: string(),
  street_address: string(),
  requester_name: string(),
  requester_phone: string(),
});
type VisitFacts = output<typeof visitFactsSchema>;

export type StaffHomeVisit = Omit<Row, 'ward' | keyof VisitFacts> &
  VisitFacts & {
    ward: {
      id: number;
      name: string;
      /** The unit above the ward: its district in the 2021 set, its province in the 2025 set (no districts). */
      district: Area | null;
      /** Where the map places a visit without a location: the ward's own centre where the data has one (the 2025 communes), else its district's. */
      centre: { lat: number; lng: number } | null;
    } | null;
  };

function pointOf(unit: Pick<Area, 'lat' | 'lng'> | null): { lat: number; lng: number } | null {
  return unit && unit.lat !== null && unit.lng !== null ? { lat: unit.lat, lng: unit.lng } : null;
}

function wardOf(ward: Pick<Tables['admin_units']['Row'], 'id' | 'name' | 'lat' | 'lng'>, district: Area | null) {
  return { id: ward.id, name: ward.name, district, centre: pointOf(ward) ?? pointOf(district) };
}

/**
 * The rows with their wards' districts (name and centroid, where the map places a visit without a
 * location), read in a second query: PostgREST's embedding of admin_units in itself is ambiguous.
 */
function rows(query: PromiseLike<PostgrestResponse<Row>>): Promise<RpcResult<StaffHomeVisit[]>> {
  return attempt(async () => {
    const { data: visits, error, status } = await query;
    if (error) return failure(error, status);
    const facts = readAnswer('home_visit_requests', visits, array(visitFactsSchema));
    if (!facts.ok) return facts;
    const parentIds = [...new Set(visits.map((visit) => visit.ward?.parent_id).filter((id) => id != null))];
    const districts = await supabase.from('admin_units').select('id, name, lat, lng').in('id', parentIds);
    if (districts.error) return failure(districts.error, districts.status);
    const byId = new Map(districts.data.map((district) => [district.id, district]));
    return {
      ok: true,
      data: visits.map((visit, index) => ({
        ...withTimes(visit),
        ...facts.data[index]!,
        ward: visit.ward && wardOf(visit.ward, byId.get(visit.ward.parent_id ?? -1) ?? null),
      })),
    };
  });
}

/** Postgres `time` comes as 08:30:00; the console shows and sends 08:30. */
function withTimes<T extends Pick<StaffHomeVisit, 'scheduled_from' | 'scheduled_to'>>(visit: T): T {
  return { ...visit, scheduled_from: visit.scheduled_from?.slice(0, 5) ?? null, scheduled_to: visit.scheduled_to?.slice(0, 5) ?? null };
}

/** The requests of the officer's scope with these statuses, oldest first; purged ones are only counts. */
export function readRequests(statuses: readonly HomeVisitStatus[]): Promise<RpcResult<StaffHomeVisit[]>> {
  return rows(selectVisits().in('status', [...statuses]).is('purged_at', null).order('created_at').limit(300));
}

/** The visits scheduled on a day (and those already done or not done that day), by start time. */
export function readDay(date: string): Promise<RpcResult<StaffHomeVisit[]>> {
  return rows(
    selectVisits()
      .eq('scheduled_on', date)
      .in('status', ['scheduled', 'done', 'could_not'])
      .is('purged_at', null)
      .order('scheduled_from')
      .limit(300),
  );
}

// The answers' schemas load with the first write (its form has loaded them already), not with the
// list; one that cannot load is a network failure (attempt).
const answerSchemas = () => import('../../../domain/home-visit.ts');

export function scheduleVisit(id: number, schedule: Schedule): Promise<RpcResult<ScheduledAnswer>> {
  return attempt(async () =>
    staffRpc(
      'staff_schedule_home_visit',
      { p_id: id, p_date: schedule.date, p_from: schedule.from, p_to: schedule.to, p_team_contact: schedule.team_contact },
      (await answerSchemas()).scheduledAnswerSchema,
    ),
  );
}

export function closeVisit(id: number, outcome: Outcome): Promise<RpcResult<ClosedAnswer>> {
  return attempt(async () =>
    staffRpc('staff_close_home_visit', { p_id: id, p_status: outcome.status, p_note: outcome.note ?? '' }, (await answerSchemas()).closedAnswerSchema),
  );
}
