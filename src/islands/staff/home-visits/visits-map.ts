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
  /** The visit's day and window, in the page's language. */
  when: string;
  address: string;
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
    // The person's name and address are Vietnamese on either page (redundant, and harmless, on a Vietnamese one).
    name.lang = 'vi';
    content.append(name);
    const line = (text: string, lang?: string) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      if (lang) paragraph.lang = lang;
      content.append(paragraph);
    };
    line(visit.when);
    line(visit.address, 'vi');
    if (visit.approximate) line(labels.approximate);
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
