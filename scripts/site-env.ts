// The environment that points the site at a running local stack (dev server, build, preview).
import type { RunningStack } from '../supabase/local/stack.ts';

export function siteEnv(stack: RunningStack): Record<string, string> {
  return {
    PUBLIC_SUPABASE_URL: stack.apiUrl,
    PUBLIC_SUPABASE_ANON_KEY: stack.publishableKey,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}
