// The map of a day's home visits: Leaflet, imported only when the officer opens the map. A visit
// is placed where the requester shared the location at the house, or else at its district's
// centre, and its popup says so.
import * as L from 'leaflet';
import { loadStylesheet } from '../../schedules/session-map.ts';

export { loadStylesheet };

export interface MapVisit {
  id: number;
  lat: number;
  lng: number;
  approximate: boolean;
  title: string;
  lines: string[];
}

export interface MapLabels {
  /** HTML: the tile credit OpenStreetMap asks for, with its link. */
  attribution: string;
  approximate: string;
  link: string;
}

export function createVisitsMap(container: HTMLElement, labels: MapLabels) {
  const map = L.map(container, { scrollWheelZoom: false }).setView([16, 106], 5);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19, attribution: labels.attribution }).addTo(map);
  const markers = L.layerGroup().addTo(map);

  // Built as elements, not HTML: names and addresses come from citizens.
  function popup(visit: MapVisit): HTMLElement {
    const content = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = visit.title;
    content.append(name);
    for (const text of [...visit.lines, ...(visit.approximate ? [labels.approximate] : [])]) {
      const line = document.createElement('p');
      line.textContent = text;
      content.append(line);
    }
    const link = document.createElement('a');
    link.href = `#visit-${visit.id}`;
    link.textContent = labels.link;
    content.append(link);
    return content;
  }

  return {
    show(visits: MapVisit[]) {
      markers.clearLayers();
      for (const visit of visits) {
        const icon = L.divIcon({
          className: visit.approximate ? 'session-marker visit-marker-approximate' : 'session-marker',
          iconSize: [28, 28],
          iconAnchor: [14, 14],
          popupAnchor: [0, -14],
        });
        L.marker([visit.lat, visit.lng], { icon, title: visit.title, keyboard: true }).bindPopup(popup(visit)).addTo(markers);
      }
      if (visits.length > 0) map.fitBounds(L.latLngBounds(visits.map((v) => [v.lat, v.lng] as L.LatLngTuple)), { padding: [24, 24], maxZoom: 15 });
    },
    destroy() {
      map.remove();
    },
  };
}

export type VisitsMap = ReturnType<typeof createVisitsMap>;
