// What the sessions page reads for the signed-in officer: the wards under their unit, the
// campaigns of their province, the sites and the sessions of those wards. RLS limits the reads to
// the scope and published sessions; the ward filter keeps published sessions of other areas out.
import { addDays } from '../../domain/dates.ts';
import type { Json } from '../../lib/database.types.ts';
import { supabase } from '../../lib/supabase.ts';
import type { StaffMember } from './use-staff.ts';

export interface Ward {
  id: number;
  name: string;
}

export interface Campaign {
  id: number;
  name_vi: string;
  name_en: string;
  starts_on: string;
  deadline: string;
  /**
   * The shifts a new session of the campaign starts with (its default shift plan), as stored:
   * the session form parses it, so the pages without that form (the notice, the day) load no zod.
   */
  shift_plan: Json;
}

export interface Site {
  id: number;
  name: string;
  address: string;
  ward_id: number;
  kind: string;
  lat: number;
  lng: number;
  access_notes: string | null;
}

export interface Scope {
  wards: Ward[];
  campaigns: Campaign[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');

/** The wards (lowest level) under a unit, going down as many levels as the unit set has. */
async function wardsUnder(unit: StaffMember['unit']): Promise<Ward[]> {
  if (unit.level === 3) return [{ id: unit.id, name: unit.name }];
  const wards: Ward[] = [];
  let parents = [unit.id];
  while (parents.length) {
    const { data, error } = await supabase.from('admin_units').select('id, name, level').in('parent_id', parents);
    if (error) throw error;
    wards.push(...data.filter((u) => u.level === 3));
    parents = data.filter((u) => u.level < 3).map((u) => u.id);
  }
  return wards.map(({ id, name }) => ({ id, name })).sort(byName);
}

/** The province above a unit: climbs parent by parent (at most two steps) to the top level. */
async function provinceOf(unit: StaffMember['unit']): Promise<number> {
  let id = unit.id;
  for (;;) {
    const { data, error } = await supabase.from('admin_units').select('id, parent_id').eq('id', id).single();
    if (error) throw error;
    if (data.parent_id === null) return data.id;
    id = data.parent_id;
  }
}

export async function loadScope(unit: StaffMember['unit']): Promise<Scope> {
  const [wards, provinceId] = await Promise.all([wardsUnder(unit), provinceOf(unit)]);
  // The campaigns of the officer's province and unit set: another set's campaign of the same
  // province code (46 is Thừa Thiên Huế in 2021, Thành phố Huế in 2025) is not theirs.
  const { data, error } = await supabase
    .from('campaigns')
    .select('id, name_vi, name_en, starts_on, deadline, shift_plan')
    .eq('province_id', provinceId)
    .eq('unit_set', unit.unit_set)
    .order('starts_on');
  if (error) throw error;
  return { wards, campaigns: data };
}

export async function loadSites(wardIds: number[]): Promise<Site[]> {
  const { data, error } = await supabase.from('intake_sites').select('id, name, address, ward_id, kind, lat, lng, access_notes').in('ward_id', wardIds).order('name');
  if (error) throw error;
  return data;
}

const sessionColumns =
  'id, session_date, published, cancelled_at, cancel_reason, campaign_id, site:intake_sites!inner(id, name, address, ward_id), shifts(id, starts_at, ends_at, capacity, booked)';

/** Sessions of the wards from a month back on; the list puts the upcoming ones first. */
export async function loadSessions(wardIds: number[], today: string) {
  const { data, error } = await supabase
    .from('intake_sessions')
    .select(sessionColumns)
    .in('site.ward_id', wardIds)
    .gte('session_date', addDays(today, -30))
    .order('session_date')
    .order('starts_at', { referencedTable: 'shifts' })
    .limit(500);
  if (error) throw error;
  return data;
}

export type StaffSession = Awaited<ReturnType<typeof loadSessions>>[number];
export type StaffShift = StaffSession['shifts'][number];
