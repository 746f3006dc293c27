// The schedules page's rules, apart from the filters themselves (those are in search-filters.ts): the
// default date range, what a shift's state is, which way the list is ordered and grouped, why a
// shift is recommended, and the map's sites. Plain functions over search_sessions rows.
import type { output } from 'zod/mini';
import type { Database } from '../lib/database.types.ts';
import type { SearchFilters, SearchSort } from './search-filters.ts';
import type { UnitName } from './campaign-directory.ts';
import { addDays, todayInVietnam } from './dates.ts';
import { NEAR_KM } from './near.ts';
import { vietnamese } from './vietnamese-order.ts';
import type { locateCommuneAnswer } from './units.ts';

export type SessionRow = Database['public']['Functions']['search_sessions']['Returns'][number];

/** One shift as search_sessions lists it in a session's `shifts`. */
export interface SessionShift {
  id: number;
  starts_at: string;
  ends_at: string;
  capacity: number;
  places_left: number;
  bookable: boolean;
}

export type SessionResult = Omit<
  SessionRow,
  'shifts' | 'distance_km' | 'recommended_shift_id' | 'in_located_commune' | 'ward_name_en' | 'province_name_en'
> & {
  shifts: SessionShift[];
  /** English names of the site's ward and province: the 2025 set has them, null in 2021. */
  ward_name_en: string | null;
  province_name_en: string | null;
  /** Null without a location to measure from. */
  distance_km: number | null;
  /** Null when the search gives no idea of how near the reader lives. */
  recommended_shift_id: number | null;
  /** In the 2025 commune the searched point lies in (listed first); false without a point or in 2021. */
  in_located_commune: boolean;
};

/** Three weeks: the seeded campaigns publish that far ahead, and it fits on a phone. */
export const defaultRangeDays = 21;

export function defaultDateRange(today: string = todayInVietnam()): { from: string; to: string } {
  return { from: today, to: addDays(today, defaultRangeDays) };
}

/**
 * The filters a search runs with: dates the address leaves out are the default range. A link
 * printed on a poster (`?ward=19786`) thus always shows the coming three weeks.
 */
export function withDefaultDates(filters: SearchFilters, today?: string): SearchFilters {
  const range = defaultDateRange(today);
  return { ...filters, from: filters.from ?? range.from, to: filters.to ?? range.to };
}

/** The filters as the address keeps them: default dates left out, so a shared link stays current. */
export function withoutDefaultDates(filters: SearchFilters, today?: string): SearchFilters {
  const range = defaultDateRange(today);
  const { from, to, ...rest } = filters;
  if (from === range.from && to === range.to) return rest;
  return filters;
}

/**
 * Whether an address names anything to search for beyond the campaign (otherwise the page waits
 * for the reader: a whole province's list is long on a slow network).
 */
export function hasFilters(filters: SearchFilters): boolean {
  const { campaign: _campaign, ...rest } = filters;
  return Object.keys(rest).length > 0;
}

/** The sort that suits the filters when the address does not say: nearest first with a location. */
export function effectiveSort(filters: SearchFilters): SearchSort {
  const hasLocation = filters.lat !== undefined && filters.lng !== undefined;
  if (!hasLocation) return 'date';
  return filters.sort ?? 'distance';
}

function isShift(value: unknown): value is SessionShift {
  if (typeof value !== 'object' || value === null) return false;
  const shift = value as Record<string, unknown>;
  return (
    typeof shift.id === 'number' &&
    typeof shift.starts_at === 'string' &&
    typeof shift.ends_at === 'string' &&
    typeof shift.capacity === 'number' &&
    typeof shift.places_left === 'number' &&
    typeof shift.bookable === 'boolean'
  );
}

/** A search_sessions row with its shifts read from JSON (anything malformed is left out). */
export function readSession(row: SessionRow): SessionResult {
  const shifts = Array.isArray(row.shifts) ? (row.shifts as unknown[]).filter(isShift) : [];
  return {
    ...row,
    shifts: [...shifts].sort((a, b) => a.starts_at.localeCompare(b.starts_at)),
    distance_km: typeof row.distance_km === 'number' ? row.distance_km : null,
    recommended_shift_id: typeof row.recommended_shift_id === 'number' ? row.recommended_shift_id : null,
  };
}

export type ShiftState = 'open' | 'full' | 'closed';

/** Open while it takes bookings and has places; closed from the shift's booking_closes_at on. */
export function shiftState(shift: SessionShift): ShiftState {
  if (!shift.bookable) return 'closed';
  return shift.places_left > 0 ? 'open' : 'full';
}

const byDateThenName = (a: SessionResult, b: SessionResult) =>
  a.session_date.localeCompare(b.session_date) || vietnamese.compare(a.site_name, b.site_name) || a.session_id - b.session_id;

/**
 * Sessions in the chosen order; without distances, "nearest first" falls back to by date. Nearest
 * first puts the sessions of the commune the reader stands in (2025 campaigns) before the others.
 */
export function sortSessions(sessions: readonly SessionResult[], sort: SearchSort): SessionResult[] {
  return [...sessions].sort((a, b) => {
    if (sort !== 'distance') return byDateThenName(a, b);
    if (a.in_located_commune !== b.in_located_commune) return a.in_located_commune ? -1 : 1;
    if (a.distance_km !== null && b.distance_km !== null && a.distance_km !== b.distance_km) return a.distance_km - b.distance_km;
    return byDateThenName(a, b);
  });
}

/**
 * What the page says about where the reader stands (2025 campaigns): the commune found, and
 * whether it has sessions; a commune of another province than the campaign's; no commune at all
 * (at sea, or abroad near the border). The list is the nearest sessions in every case.
 */
export type PlaceNote =
  | { kind: 'in'; commune: UnitName; sessions: number }
  | { kind: 'elsewhere'; commune: UnitName; province: UnitName }
  | { kind: 'nowhere' };

export function placeNote(place: output<typeof locateCommuneAnswer>, campaignProvince: string, sessions: readonly SessionResult[]): PlaceNote {
  const { commune, province } = place;
  if (!commune || !province) return { kind: 'nowhere' };
  if (province.code !== campaignProvince) return { kind: 'elsewhere', commune, province };
  return { kind: 'in', commune, sessions: sessions.filter((session) => session.in_located_commune).length };
}

/** The sessions of the reader's commune, then the others, each in the order given. */
export function splitByLocatedCommune(sessions: readonly SessionResult[]): [inCommune: SessionResult[], others: SessionResult[]] {
  return [sessions.filter((session) => session.in_located_commune), sessions.filter((session) => !session.in_located_commune)];
}

/** Consecutive sessions of the same date, in the order given. */
export function groupByDate(sessions: readonly SessionResult[]): { date: string; sessions: SessionResult[] }[] {
  const groups: { date: string; sessions: SessionResult[] }[] = [];
  for (const session of sessions) {
    const last = groups.at(-1);
    if (last?.date === session.session_date) last.sessions.push(session);
    else groups.push({ date: session.session_date, sessions: [session] });
  }
  return groups;
}


/**
 * Why the database recommends a shift, following the campaign rule "near ones at night, far ones
 * by day". It judges nearness as search_sessions does: by distance with a location, else by
 * whether the site is in the ward searched for.
 */
export function recommendationReason(session: SessionResult, filters: SearchFilters): 'near' | 'far' | null {
  if (session.recommended_shift_id === null) return null;
  if (session.distance_km !== null) return session.distance_km <= NEAR_KM ? 'near' : 'far';
  if (filters.ward !== undefined) return session.ward_code === filters.ward ? 'near' : 'far';
  return null;
}

export interface MapSite {
  site_id: number;
  site_name: string;
  lat: number;
  lng: number;
  sessions: { session_id: number; session_date: string }[];
}

/** One map marker per site, with its sessions in date order. */
export function sitesOf(sessions: readonly SessionResult[]): MapSite[] {
  const sites = new Map<number, MapSite>();
  for (const session of sessions) {
    const site = sites.get(session.site_id) ?? {
      site_id: session.site_id,
      site_name: session.site_name,
      lat: session.lat,
      lng: session.lng,
      sessions: [],
    };
    site.sessions.push({ session_id: session.session_id, session_date: session.session_date });
    sites.set(session.site_id, site);
  }
  for (const site of sites.values()) site.sessions.sort((a, b) => a.session_date.localeCompare(b.session_date));
  return [...sites.values()];
}
