// The only Supabase client of the site. It uses the anon key, so what it may read or change is
// decided by RLS and the vetted functions in Postgres, never by this code.
import { createClient } from '@supabase/supabase-js';
import type { Database } from './database.types.ts';

function requireEnv(name: string, value: string | undefined): string {
  if (!value) {
    throw new Error(`${name} is not set: run \`npm run dev\`, or set it to your hosted project's value`);
  }
  return value;
}

export const supabaseUrl = requireEnv('PUBLIC_SUPABASE_URL', import.meta.env.PUBLIC_SUPABASE_URL);

export const supabase = createClient<Database>(
  supabaseUrl,
  requireEnv('PUBLIC_SUPABASE_ANON_KEY', import.meta.env.PUBLIC_SUPABASE_ANON_KEY),
  // At build time there is no browser storage to keep a session in, and no session to keep.
  { auth: { persistSession: typeof window !== 'undefined' } },
);
