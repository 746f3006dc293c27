// The Supabase Edge Function entry (README, "Staff accounts"): Deno serves the handler with the
// project's URL and keys, which the platform sets for every function; the secret key never leaves it.
import { createStaffAccountsHandler } from './handler.ts';

// Deno's globals, as far as this file uses them (the project's type checks run on Node's types).
declare const Deno: { env: { get: (name: string) => string | undefined }; serve: (handler: (request: Request) => Promise<Response>) => unknown };

function required(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

Deno.serve(
  createStaffAccountsHandler({
    supabaseUrl: required('SUPABASE_URL'),
    anonKey: required('SUPABASE_ANON_KEY'),
    serviceKey: required('SUPABASE_SERVICE_ROLE_KEY'),
  }),
);
