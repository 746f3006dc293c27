// What the accounts page reads and sends: the role set, the units under the administrator's unit,
// the accounts of the scope (RLS decides which), the sites of a ward, and the staff-accounts
// Edge Function, called with the administrator's own access token.
import { safeParse } from 'zod/mini';
import {
  staffAccountsAnswerSchema,
  staffAccountsErrorSchema,
  type RoleDefinition,
  type StaffAccountRow,
  type StaffAccountsAnswer,
  type StaffAccountsErrorCode,
} from '../../../domain/staff-accounts.ts';
import type { StaffAccountsRequest } from '../../../domain/staff-accounts-request.ts';
import { readAnswer } from '../../../lib/answers.ts';
import { anonKey, supabase, supabaseUrl } from '../../../lib/supabase.ts';
import type { Unit } from '../../schedules/units.ts';
import { networkFailure } from '../calls.ts';
import type { Translate } from '../../translator.ts';
import type { StaffMember } from '../use-staff.ts';

export interface Role extends RoleDefinition {
  name_vi: string;
  name_en: string;
}

/** A unit of the scope, as the public pickers read admin_units. */
export type ScopeUnit = Unit;

export interface AccountsPage {
  roles: Role[];
  /** The administrator's unit and every unit under it. */
  units: ScopeUnit[];
  accounts: StaffAccountRow[];
}

async function unitsUnder(unit: StaffMember['unit']): Promise<ScopeUnit[]> {
  const units: ScopeUnit[] = [];
  let parents = [unit.id];
  while (parents.length) {
    const { data, error } = await supabase.from('admin_units').select('id, code, name, name_en, level, parent_id').in('parent_id', parents);
    if (error) throw error;
    units.push(...data);
    parents = data.filter((child) => child.level < 3).map((child) => child.id);
  }
  return units;
}

export async function loadAccountsPage(staff: StaffMember): Promise<AccountsPage> {
  const [roles, units, accounts] = await Promise.all([
    supabase.from('staff_roles').select('role, level, unit_sets, site_bound, name_vi, name_en'),
    unitsUnder(staff.unit),
    supabase
      .from('staff_members')
      .select('user_id, display_name, role, unit_id, site_id, active, must_change_password')
      .neq('user_id', staff.user.id)
      .order('display_name'),
  ]);
  if (roles.error) throw roles.error;
  if (accounts.error) throw accounts.error;
  return { roles: roles.data, units: [{ ...staff.unit, parent_id: null }, ...units], accounts: accounts.data };
}

export async function loadSites(wardId: number): Promise<{ id: number; name: string }[]> {
  const { data, error } = await supabase.from('intake_sites').select('id, name').eq('ward_id', wardId).order('name');
  if (error) throw error;
  return data;
}

/** Done, refused with the function's code, or no answer (the console's network failure). */
export type AccountsResult = { ok: true; data: StaffAccountsAnswer } | { ok: false; code: StaffAccountsErrorCode } | typeof networkFailure;

/** One action through the function; its answer parsed with the schema it is written against. */
export async function callAccounts(request: StaffAccountsRequest): Promise<AccountsResult> {
  try {
    const token = await supabase.auth.accessToken();
    if (!token) return { ok: false, code: 'not_signed_in' };
    const response = await fetch(`${supabaseUrl}/functions/v1/staff-accounts`, {
      method: 'POST',
      headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body: unknown = await response.json();
    if (response.ok) {
      const done = readAnswer('staff-accounts', body, staffAccountsAnswerSchema);
      return done.ok ? done : { ok: false, code: 'unexpected' };
    }
    const refused = safeParse(staffAccountsErrorSchema, body);
    return { ok: false, code: refused.success ? refused.data.code : 'unexpected' };
  } catch {
    return networkFailure;
  }
}

/** A failed action in the administrator's words. */
export function accountsFailureText(t: Translate, failed: Exclude<AccountsResult, { ok: true }>): string {
  return t(`staffAccounts:errors.${'network' in failed ? 'network' : failed.code}`);
}
