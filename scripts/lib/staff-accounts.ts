// Creates or updates a staff account with the secret key: the Supabase Auth user, then the
// officer's role and unit (for a volunteer, also the site or the session they work at). The same
// code serves `npm run staff:add` (local or hosted, the first administrator among them) and the
// local stack's demo accounts; administrators make the others in the console (the staff-accounts
// Edge Function, which asks the same database rule, public.staff_role_misfit, with their own token).
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { hasLettersAndDigits, minimumPasswordLength } from '../../src/domain/staff-accounts.ts';
import type { Database } from '../../src/lib/database.types.ts';

export const staffAccountSchema = z.object({
  email: z.email(),
  password: z
    .string()
    .min(minimumPasswordLength, `the password needs at least ${minimumPasswordLength} characters`)
    .refine(hasLettersAndDigits, 'the password needs letters and digits'),
  /** A role of the role set (public.staff_roles), which says the level and unit sets of each. */
  role: z.string().regex(/^[a-z_]{3,40}$/, 'the role is a name such as commune_officer'),
  /** GSO code of the unit: 2 digits for a province, 3 for a district, 5 for a ward or commune. */
  unit: z.string().regex(/^[0-9]{2,5}$/, 'the unit is a GSO code: 2, 3 or 5 digits'),
  unitSet: z.string().regex(/^[0-9]{4}$/, 'the unit set is a year: 2021 or 2025').default('2021'),
  displayName: z.string().min(2).max(100),
  /** A site-bound role (volunteer): the site in the unit it works at, by its id or its exact name. */
  site: z.string().trim().min(1).optional(),
  /** With `site`: only that site's session of this day (YYYY-MM-DD), not every session held there. */
  date: z.iso.date('the date is YYYY-MM-DD').optional(),
  /** A password someone else chose or saw: the console asks the officer for a new one at first sign-in. */
  mustChangePassword: z.boolean().default(false),
});

export type StaffAccount = z.input<typeof staffAccountSchema>;

async function findUserId(admin: SupabaseClient<Database>, email: string): Promise<string | undefined> {
  for (let page = 1; ; page++) {
    const { data, error } = await admin.auth.admin.listUsers({ page, perPage: 1000 });
    if (error) throw error;
    const found = data.users.find((user) => user.email === email);
    if (found || data.users.length < 1000) return found?.id;
  }
}

interface Place {
  siteId: number | null;
  sessionId: number | null;
}

/** The site (or its session of a day) a volunteer works at; none when no site is named. */
async function findPlace(admin: SupabaseClient<Database>, unitId: number, site: string | undefined, date: string | undefined): Promise<Place> {
  if (site === undefined) {
    if (date !== undefined) throw new Error('a date names the session of a site: give the site too');
    return { siteId: null, sessionId: null };
  }
  const query = admin.from('intake_sites').select('id').eq('ward_id', unitId);
  const { data: sites, error } = await (/^[0-9]+$/.test(site) ? query.eq('id', Number(site)) : query.eq('name', site));
  if (error) throw error;
  if (sites.length === 0) throw new Error(`no intake site ${site} in this unit`);
  if (sites.length > 1) throw new Error(`several intake sites are named ${site} in this unit (ids ${sites.map((row) => row.id).join(', ')}): give the id`);
  const siteId = sites[0]!.id;
  if (date === undefined) return { siteId, sessionId: null };
  const { data: session, error: sessionError } = await admin.from('intake_sessions').select('id').eq('site_id', siteId).eq('session_date', date).maybeSingle();
  if (sessionError) throw sessionError;
  if (!session) throw new Error(`no session at intake site ${site} on ${date}`);
  return { siteId: null, sessionId: session.id };
}

/** Returns the user id. An existing account gets the new password, role, unit and place, and is active again. */
export async function upsertStaffAccount(admin: SupabaseClient<Database>, input: StaffAccount): Promise<string> {
  const account = staffAccountSchema.parse(input);
  const { data: unit, error: unitError } = await admin
    .from('admin_units')
    .select('id')
    .eq('unit_set', account.unitSet)
    .eq('code', account.unit)
    .maybeSingle();
  if (unitError) throw unitError;
  if (!unit) throw new Error(`no unit with code ${account.unit} in the ${account.unitSet} set`);
  // The database's own rule (the role set), asked before the Auth user is made, so a mistake
  // leaves no account without a role.
  const place = await findPlace(admin, unit.id, account.site, account.date);
  const { data: misfit, error: misfitError } = await admin.rpc('staff_role_misfit', {
    p_role: account.role,
    p_unit_id: unit.id,
    p_site_id: place.siteId ?? undefined,
    p_session_id: place.sessionId ?? undefined,
  });
  if (misfitError) throw misfitError;
  if (misfit) throw new Error(misfit);

  let userId = await findUserId(admin, account.email.toLowerCase());
  if (userId) {
    const { error } = await admin.auth.admin.updateUserById(userId, { password: account.password, email_confirm: true, ban_duration: 'none' });
    if (error) throw error;
  } else {
    const { data, error } = await admin.auth.admin.createUser({
      email: account.email,
      password: account.password,
      email_confirm: true,
      user_metadata: { display_name: account.displayName },
    });
    if (error) throw error;
    userId = data.user.id;
  }

  const { error } = await admin
    .from('staff_members')
    .upsert({
      user_id: userId,
      role: account.role,
      unit_id: unit.id,
      display_name: account.displayName,
      site_id: place.siteId,
      session_id: place.sessionId,
      active: true,
      must_change_password: account.mustChangePassword,
    });
  if (error) throw new Error(`could not record the staff member: ${error.message}`);
  return userId;
}
