// The planner's map of sites and team bases, on the schedules page's base map (Leaflet, imported
// only when the officer opens the map). A site's popup says what its list item says and, when the
// page lets the officer choose sites, has the same "Choose" button.
import { createBaseMap, loadStylesheet } from '../../../schedules/session-map.ts';
import { baseMarkerClass, siteMarkerClass, type PlanMapBase, type PlanMapSite } from './markers.ts';

export { loadStylesheet };

export interface PlanMapLabels {
  /** HTML: the tile credit OpenStreetMap asks for, with its link. */
  attribution: string;
  /** What the list says of a site: places, near or far, chosen. */
  facts: (site: PlanMapSite) => string[];
  choose: (site: PlanMapSite) => string;
  base: (base: PlanMapBase) => string;
}

export function createPlanMap(container: HTMLElement, labels: PlanMapLabels) {
  const map = createBaseMap(container, labels.attribution);

  // Built as elements, not HTML: names come from the database.
  function popup(title: string, lines: string[], choose?: { label: string; select: () => void }): HTMLElement {
    const content = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = title;
    // Site and station names are Vietnamese on either page.
    name.lang = 'vi';
    content.append(name);
    for (const text of lines) {
      const line = document.createElement('p');
      line.textContent = text;
      content.append(line);
    }
    if (choose) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-secondary';
      button.textContent = choose.label;
      button.addEventListener('click', choose.select);
      content.append(button);
    }
    return content;
  }

  return {
    show(sites: readonly PlanMapSite[], bases: readonly PlanMapBase[], select?: (id: string) => void) {
      map.place([
        ...bases.map((base) => ({ lat: base.lat, lng: base.lng, title: labels.base(base), className: baseMarkerClass, popup: popup(labels.base(base), []) })),
        ...sites.map((site) => ({
          lat: site.lat,
          lng: site.lng,
          title: site.name,
          className: siteMarkerClass(site),
          popup: popup(site.name, labels.facts(site), select && !site.selected ? { label: labels.choose(site), select: () => select(site.id) } : undefined),
        })),
      ]);
    },
    destroy: map.destroy,
  };
}

export type PlanMapInstance = ReturnType<typeof createPlanMap>;
