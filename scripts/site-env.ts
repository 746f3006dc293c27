// The environment that points the site at a running local stack (dev server, build, preview).
import type { LocalFunctionsOptions } from '../supabase/local/functions.ts';
import type { RunningStack } from '../supabase/local/stack.ts';

export function siteEnv(stack: RunningStack): Record<string, string> {
  return {
    PUBLIC_SUPABASE_URL: stack.apiUrl,
    PUBLIC_SUPABASE_ANON_KEY: stack.publishableKey,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** `npm run dev`'s and `npm run preview`'s functions: the message sender every 10 s against the providers' local ends. */
export function localFunctions(siteUrl: string): LocalFunctionsOptions {
  return { siteUrl, providerPort: 54329, smtpPort: 54330, everyMs: 10_000 };
}
