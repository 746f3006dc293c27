// Ways the db tests reach the stack: supabase-js through the gateway as anon, as a signed-in
// user or with the secret key, and SQL straight to Postgres.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { upsertStaffAccount, type StaffAccount } from '../../../scripts/lib/staff-accounts.ts';
import type { Database } from '../../../src/lib/database.types.ts';

export const stack = inject('stack');

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export function anonClient(): SupabaseClient<Database> {
  return createClient<Database>(stack.apiUrl, stack.publishableKey, noSession);
}

export function serviceClient(): SupabaseClient<Database> {
  return createClient<Database>(stack.apiUrl, stack.secretKey, noSession);
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  client: SupabaseClient<Database>;
}

/** Creates a confirmed user with the admin API, then signs in as them through the gateway. */
export async function signedInUser(appMetadata: Record<string, unknown> = {}): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const created = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true, app_metadata: appMetadata });
  if (created.error) throw created.error;
  const client = createClient<Database>(stack.apiUrl, stack.publishableKey, noSession);
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  return { id: created.data.user.id, email, password, client };
}

/** Runs `work` on one connection as `role` (with optional JWT claims) inside a transaction that is rolled back. */
export async function asRole<T>(
  role: 'anon' | 'authenticated' | 'service_role',
  work: (client: pg.ClientBase) => Promise<T>,
  claims: Record<string, unknown> = { role },
): Promise<T> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    await client.query(`set local role ${role}`);
    return await work(client);
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

/** A new staff account of `role` over `unit` (of the 2021 set unless told), signed in through the gateway. */
export async function officer(role: StaffAccount['role'], unit: string, unitSet = '2021'): Promise<SupabaseClient<Database>> {
  const email = `${role}-${unit}-${randomUUID()}@example.test`;
  await upsertStaffAccount(serviceClient(), { email, password: 'officer-password-1', role, unit, unitSet, displayName: 'Cán bộ thử' });
  const client = createClient<Database>(stack.apiUrl, stack.publishableKey, noSession);
  const { error } = await client.auth.signInWithPassword({ email, password: 'officer-password-1' });
  if (error) throw error;
  return client;
}
