// The administrative units behind the pickers, read level by level from the public admin_units
// table (a province has about 10 districts, a district about 20 wards, a 2025 province about 100
// communes: small answers on a slow network), always in one set: the campaign's.
import { sortByName } from '../../domain/vietnamese-order.ts';
import { from } from '../../lib/public-api.ts';

export interface Unit {
  id: number;
  code: string;
  name: string;
  /** English name of a 2025 unit; null in the 2021 set. */
  name_en: string | null;
  level: number;
  parent_id: number | null;
}

/** The units a set of pickers offers: a set, and the one province of a campaign (else every one). */
export interface UnitScope {
  unitSet: string;
  provinceCode?: string | undefined;
}

/** The set whose units have districts between province and ward. */
export const hasDistricts = (unitSet: string) => unitSet === '2021';

const columns = 'id, code, name, name_en, level, parent_id';

/** The provinces of the scope, or the children of a unit; null when the request failed. */
export async function loadUnits(scope: UnitScope, parentId?: number): Promise<Unit[] | null> {
  const query = from('admin_units').select(columns).eq('unit_set', scope.unitSet);
  // The builder adds each filter to itself: only one branch may run.
  const filtered = parentId !== undefined ? query.eq('parent_id', parentId) : scope.provinceCode ? query.eq('level', 1).eq('code', scope.provinceCode) : query.eq('level', 1);
  const { data, error } = await filtered;
  return error ? null : sortByName(data);
}

async function unitWhere(unitSet: string, column: 'code' | 'id', value: string | number): Promise<Unit | null> {
  const { data } = await from('admin_units').select(columns).eq('unit_set', unitSet).eq(column, value).maybeSingle();
  return data;
}

/**
 * The codes from the province down to a unit of the address (`?ward=19786` alone), in a set, so
 * the pickers show where the list comes from; empty when the set has no such unit.
 */
export async function unitPath(unitSet: string, code: string): Promise<string[]> {
  const path: string[] = [];
  let unit = await unitWhere(unitSet, 'code', code);
  while (unit) {
    path.unshift(unit.code);
    unit = unit.parent_id === null ? null : await unitWhere(unitSet, 'id', unit.parent_id);
  }
  return path;
}
