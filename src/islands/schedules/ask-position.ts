// Asking the phone where the reader is, for a search by distance.
import { searchFiltersSchema } from '../../domain/search-filters.ts';
import type { Geo } from './LocationSearch.tsx';

export interface Position {
  lat: number;
  lng: number;
}

/** Answers with a position the search accepts (inside Viet Nam), or why there is none. */
export function askPosition(answer: (position: Position | Exclude<Geo, 'idle' | 'locating'>) => void): void {
  if (!('geolocation' in navigator)) return answer('unavailable');
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => {
      const checked = searchFiltersSchema.safeParse({ lat: coords.latitude, lng: coords.longitude });
      if (!checked.success || checked.data.lat === undefined || checked.data.lng === undefined) return answer('outside');
      answer({ lat: checked.data.lat, lng: checked.data.lng });
    },
    (error) => answer(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable'),
    // A position some minutes old is near enough, and a cheap phone's GPS may never settle.
    { timeout: 15_000, maximumAge: 300_000 },
  );
}
