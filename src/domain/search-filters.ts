// The schedules page's search filters, as its address keeps them (`?campaign=…&ward=…`): one zod
// schema, the reading and writing of the query string, and the arguments of public.search_sessions
// (supabase/schemas/08_search.sql, the authority). Apart from booking.ts so that the booking and
// sign-up pages, which share that module, do not carry them.
//
// Messages are keys of the `booking` namespace (`booking:search.<problem>`), as booking.ts's are.
import { enum as picklist, gte, lte, number, object, optional, pipe, refine, regex, string, superRefine, transform, type output } from 'zod/mini';
import type { NamespaceResources } from '../i18n/schema.ts';
import { daysBetween, isIsoDate, todayInVietnam } from './dates.ts';
import { vietNamBox } from './viet-nam-box.ts';

type BookingMessageKey = `booking:${keyof NamespaceResources['booking']}`;

/** A `booking` key as a schema message; the type rejects a key the namespace lacks. */
function m<K extends keyof NamespaceResources['booking']>(key: K): `booking:${K}` {
  return `booking:${key}`;
}


export const searchLimits = {
  /** Longest date range, in days. The database allows 92; a shorter list stays readable on a phone. */
  maxDays: 60,
  lat: vietNamBox.lat,
  lng: vietNamBox.lng,
  radiusKm: { min: 1, max: 100 },
} as const;

/**
 * Sessions a search shows first, and adds with each "more": about 1 kB each, so the first answer
 * stays small on a slow phone, and costs the database the same whatever the campaign's size.
 */
export const searchPageSize = 20;
/** The most sessions one search_sessions answer holds (its p_limit check). */
export const searchMaxSessions = 500;

export const searchSorts = ['date', 'distance'] as const;
export type SearchSort = (typeof searchSorts)[number];

// A location in a shareable address is personal data (Personal Data Protection Law 91/2025/QH15):
// 3 decimals (about 100 m) are plenty for "within 3 km" and say less about where someone lives.
const roundCoordinate = (value: number) => Math.round(value * 1000) / 1000;

const radiusParams = { min: searchLimits.radiusKm.min, max: searchLimits.radiusKm.max };

const searchDate = string().check(refine(isIsoDate, m('search.date')));

/** A coordinate within `limits`, rounded (see roundCoordinate). */
const coordinate = (limits: { min: number; max: number }) =>
  pipe(number().check(gte(limits.min, m('search.location')), lte(limits.max, m('search.location'))), transform(roundCoordinate));

const searchFieldSchemas = {
  // First, so an address reads "?campaign=…&ward=…".
  campaign: string().check(regex(/^[a-z0-9-]{3,60}$/, m('search.campaign'))),
  province: string().check(regex(/^[0-9]{2}$/, m('search.unit'))),
  district: string().check(regex(/^[0-9]{3}$/, m('search.unit'))),
  ward: string().check(regex(/^[0-9]{5}$/, m('search.unit'))),
  from: searchDate,
  to: searchDate,
  lat: coordinate(searchLimits.lat),
  lng: coordinate(searchLimits.lng),
  radius_km: number().check(
    superRefine((value, ctx) => {
      if (!(value >= searchLimits.radiusKm.min && value <= searchLimits.radiusKm.max)) {
        ctx.addIssue({ code: 'custom', message: m('search.radius'), params: radiusParams });
      }
    }),
  ),
  sort: picklist(searchSorts, { error: m('search.sort') }),
};

type SearchField = keyof typeof searchFieldSchemas;

/** A filter problem found across fields, and the field to drop to be rid of it. */
function crossFieldProblem(filters: SearchFilters): { field: SearchField; message: BookingMessageKey; params?: Record<string, number> } | null {
  const hasLocation = filters.lat !== undefined && filters.lng !== undefined;
  if ((filters.lat === undefined) !== (filters.lng === undefined)) {
    return { field: filters.lat === undefined ? 'lng' : 'lat', message: m('search.location') };
  }
  if (filters.radius_km !== undefined && !hasLocation) return { field: 'radius_km', message: m('search.radius'), params: radiusParams };
  if (filters.sort === 'distance' && !hasLocation) return { field: 'sort', message: m('search.sort') };
  // Compared only when both dates are real dates: a malformed one already has its own issue.
  if (filters.to !== undefined && isIsoDate(filters.to) && (filters.from === undefined || isIsoDate(filters.from))) {
    // Without a start date the database starts today.
    const from = filters.from ?? todayInVietnam();
    if (filters.to < from) return { field: 'to', message: m('search.dateOrder') };
    if (daysBetween(from, filters.to) > searchLimits.maxDays) {
      return { field: 'to', message: m('search.dateRange'), params: { max_days: searchLimits.maxDays } };
    }
  }
  return null;
}

export const searchFiltersSchema = object({
  campaign: optional(searchFieldSchemas.campaign),
  province: optional(searchFieldSchemas.province),
  district: optional(searchFieldSchemas.district),
  ward: optional(searchFieldSchemas.ward),
  from: optional(searchFieldSchemas.from),
  to: optional(searchFieldSchemas.to),
  lat: optional(searchFieldSchemas.lat),
  lng: optional(searchFieldSchemas.lng),
  radius_km: optional(searchFieldSchemas.radius_km),
  sort: optional(searchFieldSchemas.sort),
}).check(
  superRefine((filters, ctx) => {
    const problem = crossFieldProblem(filters);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field], ...(problem.params && { params: problem.params }) });
  }),
);

export type SearchFilters = output<typeof searchFiltersSchema>;

const searchFields = Object.keys(searchFieldSchemas) as SearchField[];
const numericFields = new Set<SearchField>(['lat', 'lng', 'radius_km']);
const decimal = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * The filters in a schedules address. A value that is malformed, out of range or at odds with
 * another is left out rather than failing the page: links are shared and edited by hand.
 */
export function filtersFromQuery(params: URLSearchParams): SearchFilters {
  const filters: Record<string, unknown> = {};
  for (const name of searchFields) {
    const raw = params.get(name)?.trim();
    if (raw === undefined || raw === '') continue;
    if (numericFields.has(name) && !decimal.test(raw)) continue;
    const parsed = searchFieldSchemas[name].safeParse(numericFields.has(name) ? Number(raw) : raw);
    if (parsed.success) filters[name] = parsed.data;
  }
  let result = filters as SearchFilters;
  // Each pass drops one field; there are fewer problems than fields.
  for (let problem = crossFieldProblem(result); problem; problem = crossFieldProblem(result)) {
    const { [problem.field]: _dropped, ...rest } = result;
    result = rest;
  }
  return result;
}

/** The query string of some filters, in a fixed order so equal filters make equal addresses. */
export function filtersToQuery(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of searchFields) {
    const value = filters[name];
    if (value !== undefined) params.set(name, String(value));
  }
  return params;
}

export interface SearchSessionsArgs {
  p_campaign: string | null;
  p_province: string | null;
  p_district: string | null;
  p_ward: string | null;
  p_from: string | null;
  p_to: string | null;
  p_lat: number | null;
  p_lng: number | null;
  p_radius_km: number | null;
  p_limit: number;
}

/**
 * The arguments of public.search_sessions, null where a filter is absent (the function's defaults
 * then apply: from today, 30 days). Sent as a GET, the nulls are left out (get-reads.ts's getArgs):
 * a query string would carry them as the text "null".
 */
export function toSearchSessionsArgs(filters: SearchFilters, limit = searchPageSize): SearchSessionsArgs {
  const hasLocation = filters.lat !== undefined && filters.lng !== undefined;
  return {
    p_campaign: filters.campaign ?? null,
    p_province: filters.province ?? null,
    p_district: filters.district ?? null,
    p_ward: filters.ward ?? null,
    p_from: filters.from ?? null,
    p_to: filters.to ?? null,
    p_lat: hasLocation ? (filters.lat ?? null) : null,
    p_lng: hasLocation ? (filters.lng ?? null) : null,
    p_radius_km: hasLocation ? (filters.radius_km ?? null) : null,
    p_limit: Math.min(limit, searchMaxSessions),
  };
}
