// The map of a day's home visits, on the schedules page's base map (Leaflet, imported only when
// the officer opens the map). A visit is placed where the requester shared the location at the
// house, or else at the centre of its commune (2025) or district (2021), and its popup says so.
import { createBaseMap, loadStylesheet } from '../../schedules/session-map.ts';

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
  const base = createBaseMap(container, labels.attribution);

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
      base.place(
        visits.map((visit) => ({
          lat: visit.lat,
          lng: visit.lng,
          title: visit.title,
          className: visit.approximate ? 'session-marker visit-marker-approximate' : 'session-marker',
          popup: popup(visit),
        })),
      );
    },
    destroy: base.destroy,
  };
}

export type VisitsMap = ReturnType<typeof createVisitsMap>;
