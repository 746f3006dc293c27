// `npm run staff:add -- --email … --role … --unit … [--name …] [--password …] [--unit-set 2021]
// [--site ID|NAME [--date YYYY-MM-DD]]` Creates (or updates) a staff account with the secret key. Against the local dev stack by
// default; set SUPABASE_URL and SUPABASE_SECRET_KEY for a hosted project.
import { createClient } from '@supabase/supabase-js';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { apiUrl, devStack, secretKey } from '../supabase/local/config.ts';
import { temporaryPassword } from '../src/domain/staff-accounts.ts';
import type { Database } from '../src/lib/database.types.ts';
import { upsertStaffAccount } from './lib/staff-accounts.ts';

// The roles are the database's (public.staff_roles): a role that does not exist or does not fit the
// unit is refused with the reason and, for an unknown one, the list. A volunteer works at one site
// of a ward (--site) or at that site's session of one day (--site and --date).
const usage = `usage: npm run staff:add -- --email EMAIL --role ROLE --unit GSO_CODE [--name "Display name"] [--password PASSWORD] [--unit-set 2021|2025] [--site SITE_ID|"Site name" [--date YYYY-MM-DD]]`;

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    'unit-set': { type: 'string', default: '2021' },
    site: { type: 'string' },
    date: { type: 'string' },
  },
});

const url = process.env.SUPABASE_URL ?? apiUrl(devStack);
const key = process.env.SUPABASE_SECRET_KEY ?? (process.env.SUPABASE_URL ? undefined : secretKey);
if (!key) {
  console.error('SUPABASE_SECRET_KEY is not set: the secret (service role) key of the project at SUPABASE_URL.');
  process.exit(2);
}
// Without a password, make one and show it once: the officer must change it on first sign-in.
const password = values.password ?? temporaryPassword();

try {
  const admin = createClient<Database>(url, key, { auth: { persistSession: false, autoRefreshToken: false } });
  const userId = await upsertStaffAccount(admin, {
    email: values.email ?? '',
    password,
    role: values.role ?? '',
    unit: values.unit ?? '',
    unitSet: values['unit-set'],
    displayName: values.name ?? values.email ?? '',
    site: values.site,
    date: values.date,
    mustChangePassword: values.password === undefined,
  });
  const at = values.site === undefined ? '' : `, at site ${values.site}${values.date === undefined ? '' : ` on ${values.date}`}`;
  console.log(`staff account ready at ${url}: ${values.email} (${values.role}, unit ${values.unit} of the ${values['unit-set']} set${at}), user id ${userId}`);
  if (!values.password) console.log(`password: ${password}`);
} catch (error) {
  if (error instanceof ZodError) console.error(`${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}\n${usage}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
