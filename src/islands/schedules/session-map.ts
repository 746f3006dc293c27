// The map of the sessions: Leaflet and its stylesheet, imported only when the reader opens the map
// (about 45 KB of JavaScript that most readers, happy with the list, never need).
import * as L from 'leaflet';
// By address, not `import '….css'`: Astro would put the stylesheet of this lazy module in the page.
import stylesheet from 'leaflet/dist/leaflet.css?url';
import type { MapSite } from '../../domain/schedules.ts';
import { mapTiles } from '../../lib/map-tiles.ts';

export interface MapLabels {
  /** HTML: the tile credit OpenStreetMap asks for, with its link. */
  attribution: string;
  sessionLink: (isoDate: string) => string;
}

// Viet Nam as a whole, for a search with no result.
const vietnam: L.LatLngExpression = [16, 106];

/** Adds Leaflet's stylesheet once; resolves when it applies, so the first tiles land in place. */
export function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = reject;
  });
  document.head.append(link);
  return loaded;
}

/**
 * A map of Viet Nam with a layer of markers, shared by the schedules' and the staff's maps (tiles
 * from the configured provider, src/lib/map-tiles.ts): `place` shows a set of points as markers (a div icon rather than Leaflet's image:
 * no image files to serve, and its title names the marker for screen readers, as Leaflet makes it
 * a focusable button; a point without a popup is drawn but not a button) and fits the view to them.
 */
export function createBaseMap(container: HTMLElement, openStreetMapCredit: string) {
  const map = L.map(container, { scrollWheelZoom: false }).setView(vietnam, 5);
  const tiles = mapTiles();
  L.tileLayer(tiles.url, { maxZoom: 19, attribution: tiles.attributionHtml ?? openStreetMapCredit }).addTo(map);
  const markers = L.layerGroup().addTo(map);
  return {
    place(points: { lat: number; lng: number; title: string; className: string; popup?: HTMLElement }[]) {
      markers.clearLayers();
      for (const point of points) {
        const icon = L.divIcon({ className: point.className, iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -14] });
        // A point without a popup is a landmark only: not a target, so it never hides one it overlaps.
        const interactive = point.popup !== undefined;
        const marker = L.marker([point.lat, point.lng], { icon, title: point.title, keyboard: interactive, interactive }).addTo(markers);
        if (point.popup) marker.bindPopup(point.popup);
      }
      if (points.length > 0) map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as L.LatLngTuple)), { padding: [24, 24], maxZoom: 15 });
    },
    destroy: () => map.remove(),
  };
}

export function createSessionMap(container: HTMLElement, labels: MapLabels) {
  const base = createBaseMap(container, labels.attribution);

  // Built as elements, not HTML: site names come from the database.
  function popup(site: MapSite): HTMLElement {
    const content = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = site.site_name;
    // Site names are Vietnamese on either page (redundant, and harmless, on a Vietnamese one).
    name.lang = 'vi';
    const list = document.createElement('ul');
    for (const session of site.sessions) {
      const link = document.createElement('a');
      link.href = `#session-${session.session_id}`;
      link.textContent = labels.sessionLink(session.session_date);
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    content.append(name, list);
    return content;
  }

  return {
    show(sites: MapSite[]) {
      base.place(sites.map((site) => ({ lat: site.lat, lng: site.lng, title: site.site_name, className: 'session-marker', popup: popup(site) })));
    },
    destroy: base.destroy,
  };
}

export type SessionMap = ReturnType<typeof createSessionMap>;
