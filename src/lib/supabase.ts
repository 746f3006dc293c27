// The staff console's Supabase client, also used at build time to read campaigns: PostgREST's
// client with the officer's access token when one is signed in, else the anon key, and Supabase
// Auth loaded only when needed (auth-session.ts). What it may read or change is decided by RLS and
// the vetted functions in Postgres, never by this code.
import { PostgrestClient } from '@supabase/postgrest-js';
import type { Database } from './database.types.ts';
import { lazyAuth } from './auth-session.ts';

function requireEnv(name: string, value: string | undefined): string {
  if (!value) {
    throw new Error(`${name} is not set: run \`npm run dev\`, or set it to your hosted project's value`);
  }
  return value;
}

export const supabaseUrl = requireEnv('PUBLIC_SUPABASE_URL', import.meta.env.PUBLIC_SUPABASE_URL);
/** The publishable (anon) key: also the apikey of calls to the Edge Functions. */
export const anonKey = requireEnv('PUBLIC_SUPABASE_ANON_KEY', import.meta.env.PUBLIC_SUPABASE_ANON_KEY);

const auth = lazyAuth(supabaseUrl, anonKey);

const rest = new PostgrestClient<Database>(`${supabaseUrl}/rest/v1`, {
  headers: { apikey: anonKey },
  // The headers supabase-js sends: the key as apikey, and the officer's token (else the key) as the Bearer.
  fetch: async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${(await auth.accessToken()) ?? anonKey}`);
    return fetch(input, { ...init, headers });
  },
});

export const supabase = { auth, from: rest.from.bind(rest), rpc: rest.rpc.bind(rest) };

/** The rows a query answers with, as supabase-js's QueryData gives them. */
export type QueryData<T> = T extends PromiseLike<{ data: infer U }> ? Exclude<U, null> : never;
