// Distance and "near", the one definition the planner and the citizen-side shift hint (the
// schedules' "why this shift", src/domain/schedules.ts) share.

/**
 * A site is near a place within this many kilometres. The citizen-side shift hint
 * (search_sessions in supabase/schemas/08_search.sql) writes the same 3 km: keep them equal.
 */
export const NEAR_KM = 3;

export interface Point {
  lat: number;
  lng: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km: haversine on a 6371 km sphere, as private.distance_km computes it. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Whether `site` is near `place` (within NEAR_KM). */
export const isNear = (site: Point, place: Point): boolean => distanceKm(site, place) <= NEAR_KM;
