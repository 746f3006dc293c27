// What `npm run dev` and `npm run stack` print once the stack is up, like `supabase start`.
import type { RunningStack } from '../supabase/local/stack.ts';

export function stackBanner(stack: RunningStack, siteUrl?: string): string {
  return [
    '',
    'Local Supabase stack is running.',
    ...(siteUrl ? [`         Site URL: ${siteUrl}`] : []),
    `          API URL: ${stack.apiUrl}`,
    `     REST API URL: ${stack.apiUrl}/rest/v1`,
    `     Auth API URL: ${stack.apiUrl}/auth/v1`,
    `           DB URL: ${stack.dbUrl}`,
    `  Publishable key: ${stack.publishableKey}`,
    `       Secret key: ${stack.secretKey}`,
    `         anon key: ${stack.anonKey}`,
    ` service_role key: ${stack.serviceRoleKey}`,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}
