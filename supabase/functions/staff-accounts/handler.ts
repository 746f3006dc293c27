// Staff accounts from the console: an administrator creates an officer's or volunteer's account,
// deactivates or reactivates one, or resets its password. Supabase Auth's admin API needs the
// secret key, which stays here; the browser sends the administrator's own access token, and every
// action first asks Postgres with that token (public.staff_check_new_account and the functions
// after it), so the database's scope rules decide and its audit log records the administrator as
// the actor, before any admin call. Written against the web-standard Request and Response, so the
// same code runs as a Supabase Edge Function (index.ts) and in the local stack's gateway.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { corsHeaders } from '@supabase/supabase-js/cors';
import { safeParse } from 'zod/mini';
import {
  accountErrorCode,
  newAccountCheckSchema,
  staffAccountSchema,
  staffAccountsErrorStatus,
  temporaryPassword,
  type NewAccountForm,
  type StaffAccountsAnswer,
  type StaffAccountsErrorCode,
} from '../../../src/domain/staff-accounts.ts';
import { staffAccountsRequestSchema } from '../../../src/domain/staff-accounts-request.ts';
import type { Database } from '../../../src/lib/database.types.ts';

export interface StaffAccountsConfig {
  supabaseUrl: string;
  /** The key browsers use; with the administrator's token as the Bearer, Postgres sees the administrator. */
  anonKey: string;
  /** The secret (service role) key, for Supabase Auth's admin API only. */
  serviceKey: string;
}

/** Until an administrator reactivates it: Supabase Auth's ban takes a Go duration (100 years). */
const deactivatedFor = '876000h';

class Refusal extends Error {
  readonly code: StaffAccountsErrorCode;
  constructor(code: StaffAccountsErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

type Client = SupabaseClient<Database>;

const noSession = { persistSession: false, autoRefreshToken: false };

/** An answer of a database account function, parsed; a refusal becomes the function's own. */
function accountFrom(name: string, result: { data: unknown; error: { code?: string; details?: string | null } | null }) {
  if (result.error) {
    const code = accountErrorCode(result.error.code);
    if (code === 'unexpected') console.error(`[staff-accounts] ${name}`, result.error);
    throw new Refusal(code, result.error.details ?? code);
  }
  const parsed = safeParse(staffAccountSchema, result.data);
  if (!parsed.success) throw new Error(`${name} answered in an unexpected shape`);
  return parsed.data;
}

async function create(caller: Client, admin: Client, callerId: string, account: NewAccountForm): Promise<StaffAccountsAnswer> {
  const place = { p_role: account.role, p_unit_id: account.unitId, p_site_id: account.siteId };
  const check = await caller.rpc('staff_check_new_account', place);
  if (check.error) throw new Refusal(accountErrorCode(check.error.code), check.error.details ?? check.error.code);
  if (!safeParse(newAccountCheckSchema, check.data).success) throw new Error('staff_check_new_account answered in an unexpected shape');

  const password = temporaryPassword();
  const created = await admin.auth.admin.createUser({
    email: account.email,
    password,
    email_confirm: true,
    user_metadata: { display_name: account.displayName },
    // Only the secret key writes app_metadata: staff_record_account takes this user for this administrator only.
    app_metadata: { created_by: callerId },
  });
  if (created.error) {
    if (created.error.code === 'email_exists') throw new Refusal('email_exists', created.error.message);
    throw created.error;
  }
  const userId = created.data.user.id;
  try {
    const recorded = accountFrom('staff_record_account', await caller.rpc('staff_record_account', { ...place, p_user_id: userId, p_display_name: account.displayName }));
    return { account: recorded, temporaryPassword: password };
  } catch (error) {
    // No Auth user is left without a role (a scope that changed between the two calls, say).
    await admin.auth.admin.deleteUser(userId);
    throw error;
  }
}

async function setActive(caller: Client, admin: Client, userId: string, active: boolean): Promise<StaffAccountsAnswer> {
  // The database first: from here the account has no scope, whatever happens to the ban.
  const account = accountFrom('staff_set_account_active', await caller.rpc('staff_set_account_active', { p_user_id: userId, p_active: active }));
  const { error } = await admin.auth.admin.updateUserById(userId, { ban_duration: active ? 'none' : deactivatedFor });
  if (error) throw error;
  return { account };
}

async function resetPassword(caller: Client, admin: Client, userId: string): Promise<StaffAccountsAnswer> {
  const account = accountFrom('staff_flag_password_reset', await caller.rpc('staff_flag_password_reset', { p_user_id: userId }));
  const password = temporaryPassword();
  const { error } = await admin.auth.admin.updateUserById(userId, { password });
  if (error) throw error;
  return { account, temporaryPassword: password };
}

function answer(body: object, status = 200): Response {
  return Response.json(body, { status, headers: corsHeaders });
}

function refusal(code: StaffAccountsErrorCode, message: string): Response {
  return answer({ code, message }, staffAccountsErrorStatus[code]);
}

export function createStaffAccountsHandler(config: StaffAccountsConfig): (request: Request) => Promise<Response> {
  const admin = createClient<Database>(config.supabaseUrl, config.serviceKey, { auth: noSession });
  return async (request) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    if (request.method !== 'POST') return answer({ code: 'invalid_request', message: 'POST an action' }, 405);
    const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return refusal('not_signed_in', 'sign in first');
    const parsed = safeParse(staffAccountsRequestSchema, await request.json().catch(() => null));
    if (!parsed.success) return refusal('invalid_request', parsed.error.message);

    const caller = createClient<Database>(config.supabaseUrl, config.anonKey, {
      auth: noSession,
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
    const { data, error } = await caller.auth.getUser(token);
    if (error || !data.user) return refusal('not_signed_in', 'the session is not valid: sign in again');
    try {
      const action = parsed.data;
      switch (action.action) {
        case 'create':
          return answer(await create(caller, admin, data.user.id, action.account));
        case 'set-active':
          return answer(await setActive(caller, admin, action.userId, action.active));
        case 'reset-password':
          return answer(await resetPassword(caller, admin, action.userId));
      }
    } catch (failure) {
      if (failure instanceof Refusal) return refusal(failure.code, failure.message);
      console.error('[staff-accounts]', failure);
      return refusal('unexpected', 'the action failed: try again');
    }
  };
}
