// The map tile provider, one setting for every map and for the privacy notice that names who
// receives a reader's requests for tiles. OpenStreetMap's own servers are the development default;
// a deployment sets its own provider (their usage policy does not allow a national site's load).
const openStreetMapTiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface MapTiles {
  /** Leaflet's URL template for the tiles. */
  url: string;
  /** The host every tile request goes to (the privacy notice names it). */
  host: string;
  /** The provider's own credit as HTML, or null for OpenStreetMap's (the pages word it in each language). */
  attributionHtml: string | null;
}

export function mapTiles(env: { PUBLIC_MAP_TILES_URL?: string; PUBLIC_MAP_TILES_ATTRIBUTION?: string } = import.meta.env): MapTiles {
  const url = env.PUBLIC_MAP_TILES_URL?.trim() || openStreetMapTiles;
  const attribution = env.PUBLIC_MAP_TILES_ATTRIBUTION?.trim();
  return { url, host: new URL(url.replace(/\{[a-z]\}/g, 'a')).host, attributionHtml: url === openStreetMapTiles ? null : attribution || null };
}
