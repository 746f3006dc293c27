// What the planner's map shows, and how a marker looks: shared by the map (Leaflet, loaded late)
// and the list beside it (with the page), which shows the same shapes as its legend.

export interface PlanMapSite {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** Within NEAR_KM of a team's base: evening shifts allowed. */
  near: boolean;
  /** Places a session there offers a day. */
  places: number;
  selected?: boolean;
}

/** A team's base: the police station it leaves from. */
export interface PlanMapBase {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/** The marker's classes: its shape says near (filled) or far (a ring), chosen adds a frame. */
export const siteMarkerClass = (site: Pick<PlanMapSite, 'near' | 'selected'>): string =>
  `plan-marker ${site.near ? 'plan-marker-near' : 'plan-marker-far'}${site.selected ? ' plan-marker-selected' : ''}`;

/** A base is a square. */
export const baseMarkerClass = 'plan-marker plan-marker-base';
