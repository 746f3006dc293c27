// Staff accounts from the console: the staff-accounts Edge Function through the gateway, called
// with an administrator's own token, and the local Auth subset answering supabase-js for every
// call it and the console make (admin create, password and ban updates, the user's own password
// change, banned users refused at sign-in and refresh).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parse } from 'zod/mini';
import type { StaffAccountsRequest } from '../../src/domain/staff-accounts-request.ts';
import { staffAccountsAnswerSchema, staffAccountsErrorSchema } from '../../src/domain/staff-accounts.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { minimumPasswordLength } from '../../supabase/local/auth.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { anonClient, officer, serviceClient, stack } from './support/clients.ts';
import { sql } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

async function tokenOf(client: Client): Promise<string> {
  const { data } = await client.auth.getSession();
  return data.session!.access_token;
}

/** POSTs an action to the function as the browser does: the publishable key and the officer's token. */
async function callFunction(token: string | null, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.apiUrl}/functions/v1/staff-accounts`, {
    method: 'POST',
    headers: { apikey: stack.publishableKey, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function act(client: Client, action: StaffAccountsRequest) {
  const result = await callFunction(await tokenOf(client), action);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return parse(staffAccountsAnswerSchema, result.body);
}

async function refused(client: Client, action: StaffAccountsRequest) {
  const result = await callFunction(await tokenOf(client), action);
  return { status: result.status, code: parse(staffAccountsErrorSchema, result.body).code };
}

async function unitId(code: string, unitSet = '2021'): Promise<number> {
  const [row] = await sql<{ id: number }>('select id from public.admin_units where code = $1 and unit_set = $2', [code, unitSet]);
  return row!.id;
}

async function signIn(email: string, password: string) {
  const client = createClient<Database>(stack.apiUrl, stack.publishableKey, noSession);
  const result = await client.auth.signInWithPassword({ email, password });
  return { client, error: result.error };
}

const newAccount = (role: string, unitId: number, siteId?: number) => ({
  action: 'create' as const,
  account: { email: `made-${randomUUID()}@example.test`, displayName: 'Cán bộ mới', role, unitId, ...(siteId ? { siteId } : {}) },
});

async function memberRow(userId: string) {
  const [row] = await sql<{ active: boolean; must_change_password: boolean }>('select active, must_change_password from public.staff_members where user_id = $1', [userId]);
  return row;
}

async function authUserExists(email: string): Promise<boolean> {
  return (await sql('select 1 from auth.users where email = $1', [email.toLowerCase()])).length > 0;
}

describe('the local Auth subset, judged by supabase-js', () => {
  test('a ban refuses sign-in and refresh with user_banned; ban_duration none lifts it', async () => {
    const email = `ban-${randomUUID()}@example.test`;
    const password = 'a-long-password-1';
    const admin = serviceClient();
    const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
    expect(created.data.user?.banned_until).toBeUndefined();
    const { client: before } = await signIn(email, password);

    const banned = await admin.auth.admin.updateUserById(created.data.user!.id, { ban_duration: '876000h' });
    expect(banned.error).toBeNull();
    expect(new Date(banned.data.user!.banned_until!).getFullYear()).toBeGreaterThan(new Date().getFullYear() + 90);
    const signInAgain = await signIn(email, password);
    expect(signInAgain.error).toMatchObject({ status: 400, code: 'user_banned' });
    const refreshed = await before.auth.refreshSession();
    expect(refreshed.error).toMatchObject({ status: 400, code: 'user_banned' });

    const notADuration = await admin.auth.admin.updateUserById(created.data.user!.id, { ban_duration: 'forever' });
    expect(notADuration.error).toMatchObject({ status: 400, code: 'validation_failed' });

    const lifted = await admin.auth.admin.updateUserById(created.data.user!.id, { ban_duration: 'none' });
    expect(lifted.data.user?.banned_until).toBeUndefined();
    expect((await signIn(email, password)).error).toBeNull();
  });

  test("the user's own updateUser({ password }) changes it; the same or a short one is refused as Supabase Auth refuses it", async () => {
    const email = `own-${randomUUID()}@example.test`;
    await serviceClient().auth.admin.createUser({ email, password: 'first-password-1', email_confirm: true });
    const { client } = await signIn(email, 'first-password-1');

    const same = await client.auth.updateUser({ password: 'first-password-1' });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
    const short = await client.auth.updateUser({ password: 'x'.repeat(minimumPasswordLength - 1) });
    expect(short.error).toMatchObject({ status: 422, code: 'weak_password', name: 'AuthWeakPasswordError', reasons: ['length'] });
    const noDigit = await client.auth.updateUser({ password: 'letters-only-password' });
    expect(noDigit.error).toMatchObject({ status: 422, code: 'weak_password', name: 'AuthWeakPasswordError', reasons: ['characters'] });

    const changed = await client.auth.updateUser({ password: 'second-password-2' });
    expect(changed.error).toBeNull();
    expect(changed.data.user?.email).toBe(email);
    expect((await signIn(email, 'first-password-1')).error).toMatchObject({ code: 'invalid_credentials' });
    expect((await signIn(email, 'second-password-2')).error).toBeNull();
  });

  test('the admin API refuses a password shorter than the rule in supabase/config.toml', async () => {
    const created = await serviceClient().auth.admin.createUser({ email: `weak-${randomUUID()}@example.test`, password: 'short', email_confirm: true });
    expect(created.error).toMatchObject({ status: 422, code: 'weak_password' });
  });
});

describe('the staff-accounts function', () => {
  test('a province administrator creates a commune officer: a temporary password that signs in, the first-sign-in flag, an audit row', async () => {
    const province = await officer('province_admin', '46');
    const ward = await unitId('19786');
    const action = newAccount('commune_officer', ward);
    const done = await act(province, action);
    expect(done.account).toMatchObject({ role: 'commune_officer', unit_id: ward, active: true, must_change_password: true, display_name: 'Cán bộ mới' });
    expect(done.temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);

    const { client: made, error } = await signIn(action.account.email, done.temporaryPassword!);
    expect(error).toBeNull();
    const own = await made.from('staff_members').select('must_change_password').eq('user_id', done.account.user_id).single();
    expect(own.data?.must_change_password).toBe(true);

    const adminId = (await province.auth.getUser()).data.user!.id;
    const audit = await sql<{ actor: string; action: string; unit_id: number }>(
      "select actor, action, unit_id from public.audit_log where table_name = 'staff_members' and row_id = $1",
      [done.account.user_id],
    );
    expect(audit).toEqual([{ actor: adminId, action: 'insert', unit_id: ward }]);

    // The officer sets their own password; the flag goes, and that is audited under them.
    expect((await made.auth.updateUser({ password: 'my-own-password-1' })).error).toBeNull();
    const cleared = answer(answerSchemas.staff_password_changed, await made.rpc('staff_password_changed'));
    expect(cleared.must_change_password).toBe(false);
    expect(await memberRow(done.account.user_id)).toMatchObject({ must_change_password: false });
  });

  test('a district officer creates a volunteer at a site of its district; not a ward of another district, nor an officer of its own level', async () => {
    const district = await officer('district_officer', '474');
    const [site] = await sql<{ id: number; ward_id: number }>(
      "select s.id, s.ward_id from public.intake_sites s join public.admin_units u on u.id = s.ward_id join public.admin_units d on d.id = u.parent_id where d.code = '474' and d.unit_set = '2021' limit 1",
    );
    const done = await act(district, newAccount('volunteer', site!.ward_id, Number(site!.id)));
    expect(done.account).toMatchObject({ role: 'volunteer', site_id: Number(site!.id) });

    const [elsewhere] = await sql<{ id: number }>(
      "select u.id from public.admin_units u join public.admin_units d on d.id = u.parent_id join public.admin_units p on p.id = d.parent_id where p.code = '46' and p.unit_set = '2021' and d.code <> '474' limit 1",
    );
    const outside = newAccount('commune_officer', elsewhere!.id);
    expect(await refused(district, outside)).toEqual({ status: 403, code: 'not_allowed' });
    expect(await authUserExists(outside.account.email)).toBe(false);
    expect(await refused(district, newAccount('district_officer', await unitId('474')))).toEqual({ status: 403, code: 'not_allowed' });
  });

  test('refusals come before any Auth user is made: a commune officer, a misfit role, another province, a taken email, no token, a bad request', async () => {
    const commune = await officer('commune_officer', '19786');
    const ward = await unitId('19786');
    const fromCommune = newAccount('volunteer', ward);
    expect(await refused(commune, fromCommune)).toEqual({ status: 403, code: 'not_allowed' });
    expect(await authUserExists(fromCommune.account.email)).toBe(false);

    const province = await officer('province_admin', '46');
    const withoutSite = newAccount('volunteer', ward);
    expect(await refused(province, withoutSite)).toEqual({ status: 422, code: 'role_misfit' });
    expect(await authUserExists(withoutSite.account.email)).toBe(false);
    expect(await refused(province, newAccount('commune_officer', await unitId('474')))).toEqual({ status: 422, code: 'role_misfit' });

    const [otherProvinceWard] = await sql<{ id: number }>("select id from public.admin_units where level = 3 and unit_set = '2021' and code like '0%' limit 1");
    expect(await refused(province, newAccount('commune_officer', otherProvinceWard!.id))).toEqual({ status: 403, code: 'not_allowed' });

    const taken = { action: 'create' as const, account: { ...newAccount('commune_officer', ward).account, email: 'tinh.hue@cccd.local' } };
    expect(await refused(province, taken)).toEqual({ status: 422, code: 'email_exists' });

    expect((await callFunction(null, newAccount('commune_officer', ward))).status).toBe(401);
    expect((await callFunction(await tokenOf(province), { action: 'create' })).status).toBe(400);
  });

  test('deactivation stops sign-in, refresh and the writes of a session already issued; reactivation restores them', async () => {
    const province = await officer('province_admin', '46');
    const action = newAccount('commune_officer', await unitId('19786'));
    const done = await act(province, action);
    const { client: made } = await signIn(action.account.email, done.temporaryPassword!);
    const userId = done.account.user_id;

    const off = await act(province, { action: 'set-active', userId, active: false });
    expect(off.account.active).toBe(false);
    expect((await signIn(action.account.email, done.temporaryPassword!)).error).toMatchObject({ code: 'user_banned' });
    // The access token issued before still reaches PostgREST: the database refuses its writes and shows it nothing.
    const write = await made.rpc('staff_password_changed');
    expect(write.error?.code).toBe('not_allowed');
    // An active officer of the ward reads the ward's staff; this one reads only its own row.
    const staff = await made.from('staff_members').select('user_id');
    expect(staff.data).toEqual([{ user_id: userId }]);
    expect((await made.auth.refreshSession()).error).toMatchObject({ code: 'user_banned' });

    const audit = await sql<{ action: string }>("select action from public.audit_log where table_name = 'staff_members' and row_id = $1 order by id", [userId]);
    expect(audit.map((row) => row.action)).toEqual(['insert', 'update']);

    const on = await act(province, { action: 'set-active', userId, active: true });
    expect(on.account.active).toBe(true);
    expect((await signIn(action.account.email, done.temporaryPassword!)).error).toBeNull();
  });

  test('a reset sets a new temporary password and the first-sign-in flag; an account of another scope is not found', async () => {
    const province = await officer('province_admin', '46');
    const action = newAccount('commune_officer', await unitId('19786'));
    const done = await act(province, action);
    const { client: made } = await signIn(action.account.email, done.temporaryPassword!);
    await made.auth.updateUser({ password: 'my-own-password-1' });
    await made.rpc('staff_password_changed');

    const reset = await act(province, { action: 'reset-password', userId: done.account.user_id });
    expect(reset.account.must_change_password).toBe(true);
    expect(reset.temporaryPassword).not.toBe(done.temporaryPassword);
    expect((await signIn(action.account.email, 'my-own-password-1')).error).toMatchObject({ code: 'invalid_credentials' });
    expect((await signIn(action.account.email, reset.temporaryPassword!)).error).toBeNull();

    // Thành phố Huế's 2025 administrator covers province 46 of the other set, not this account.
    const otherSet = await officer('province_admin', '46', '2025');
    expect(await refused(otherSet, { action: 'reset-password', userId: done.account.user_id })).toEqual({ status: 404, code: 'not_found' });
    const district = await officer('district_officer', '474');
    const peer = await act(province, newAccount('commune_officer', await unitId('19786')));
    expect(await refused(district, { action: 'set-active', userId: (await province.auth.getUser()).data.user!.id, active: false })).toEqual({ status: 404, code: 'not_found' });
    expect((await act(district, { action: 'reset-password', userId: peer.account.user_id })).account.must_change_password).toBe(true);
  });

  test('staff_record_account takes only an Auth user made for the calling administrator', async () => {
    const province = await officer('province_admin', '46');
    const stray = await serviceClient().auth.admin.createUser({ email: `stray-${randomUUID()}@example.test`, password: 'a-long-password-1', email_confirm: true });
    const result = await province.rpc('staff_record_account', {
      p_user_id: stray.data.user!.id, p_role: 'commune_officer', p_unit_id: await unitId('19786'), p_display_name: 'Chiếm tài khoản',
    });
    expect(result.error?.code).toBe('not_found');
  });
});

describe('the audit log of the scope', () => {
  test('an administrator reads the entries of their scope, newest first, by actor and day; a commune officer may not', async () => {
    const district = await officer('district_officer', '474');
    const done = await act(district, newAccount('commune_officer', await unitId('19786')));
    const districtId = (await district.auth.getUser()).data.user!.id;

    const log = answer(answerSchemas.staff_audit_log, await district.rpc('staff_audit_log', { p_actor: districtId }));
    expect(log.entries[0]).toMatchObject({ action: 'insert', table_name: 'staff_members', row_id: done.account.user_id, actor: { id: districtId, name: 'Cán bộ thử' }, unit: { code: '19786' } });
    expect(log.actors).toContainEqual({ id: districtId, name: 'Cán bộ thử' });

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const past = answer(answerSchemas.staff_audit_log, await district.rpc('staff_audit_log', { p_actor: districtId, p_to: yesterday }));
    expect(past.entries).toEqual([]);
    const onDay = answer(answerSchemas.staff_audit_log, await district.rpc('staff_audit_log', { p_actor: districtId, p_from: today, p_to: today, p_limit: 1 }));
    expect(onDay.entries).toHaveLength(1);

    const other = await officer('province_admin', '46', '2025');
    const otherLog = answer(answerSchemas.staff_audit_log, await other.rpc('staff_audit_log', { p_actor: districtId }));
    expect(otherLog.entries).toEqual([]);

    const commune = await officer('commune_officer', '19786');
    expect((await commune.rpc('staff_audit_log', {})).error?.code).toBe('not_allowed');
    expect((await anonClient().rpc('staff_audit_log', {})).error).not.toBeNull();
  });
});
