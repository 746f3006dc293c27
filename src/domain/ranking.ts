// The emulation between a campaign's units as the progress page shows it at a glance: who leads
// and who is at risk, from the ranking campaign_progress gives (its places and at-risk flags are
// decided in the database). Free of zod and of UI, so the page renders it at build time and its
// small script again when it reads fresh figures, with the same rules.
import type { UnitProgress } from './progress.ts';

type Ranked = Pick<UnitProgress, 'rank' | 'percent' | 'at_risk'>;

/** What the units under the province are: districts in the 2021 set, communes in the 2025 set. */
export type UnitKind = 'districts' | 'communes';

export function unitKind(unitSet: string): UnitKind {
  return unitSet === '2021' ? 'districts' : 'communes';
}

/** Places shown as the top of the ranking. */
export const podiumPlaces = 3;

/** The units in the first places (more than three when places are shared); none before any intake. */
export function leaders<T extends Ranked>(units: readonly T[]): T[] {
  return units.filter((unit) => unit.rank !== null && unit.rank <= podiumPlaces && (unit.percent ?? 0) > 0);
}

export function unitsAtRisk<T extends Ranked>(units: readonly T[]): T[] {
  return units.filter((unit) => unit.at_risk);
}

/** The units in the ranking: those with a quota of their own. */
export function rankedCount(units: readonly Ranked[]): number {
  return units.filter((unit) => unit.rank !== null).length;
}

/** Width of a unit's bar, 0–100: a unit past its quota fills the track and no more. */
export function barShare(percent: number | null): number {
  return Math.min(Math.max(percent ?? 0, 0), 100);
}
