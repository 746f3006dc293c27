// The administrative units behind the pickers, read level by level from the public admin_units
// table (a province has about 10 districts, a district about 20 wards: small answers on a slow
// network). The 2021 set: the one the intake sites and the search use.
import { sortByName } from '../../domain/schedules.ts';
import { from } from '../../lib/public-api.ts';

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: number;
  parent_id: number | null;
}

const unitSet = '2021';
const columns = 'id, code, name, level, parent_id';

/** The provinces, or the children of a unit; null when the request failed. */
export async function loadUnits(parentId?: number): Promise<Unit[] | null> {
  const query = from('admin_units').select(columns).eq('unit_set', unitSet);
  const { data, error } = await (parentId === undefined ? query.eq('level', 1) : query.eq('parent_id', parentId));
  return error ? null : sortByName(data);
}

async function unitWhere(column: 'code' | 'id', value: string | number): Promise<Unit | null> {
  const { data } = await from('admin_units').select(columns).eq('unit_set', unitSet).eq(column, value).maybeSingle();
  return data;
}

/**
 * The province, district and ward codes above and including a unit of the address (`?ward=19786`
 * alone), so the pickers show where the list comes from.
 */
export async function unitPath(code: string): Promise<string[]> {
  const path: string[] = [];
  let unit = await unitWhere('code', code);
  while (unit) {
    path.unshift(unit.code);
    unit = unit.parent_id === null ? null : await unitWhere('id', unit.parent_id);
  }
  return path;
}
