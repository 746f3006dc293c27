// The signed-in officer: Supabase Auth's session (kept across reloads in localStorage) and the
// officer's role and unit from staff_members (for a volunteer, the site or session they work at),
// and whether the account is active and must replace a password an administrator set. Every staff
// island starts here.
import type { User } from '@supabase/auth-js';
import { useEffect, useState } from 'react';
import { supabase } from '../../lib/supabase.ts';

export interface StaffMember {
  user: User;
  /** The role as the role set (public.staff_roles) names it, in both languages, and the level of unit it covers. */
  role: { role: string; name_vi: string; name_en: string; level: number };
  displayName: string;
  unit: { id: number; code: string; name: string; name_en: string | null; level: number; unit_set: string };
  /**
   * Where a volunteer (a site-bound role) works: one site, every session held there, or one
   * session. Null for an officer, who covers the whole unit.
   */
  post: { siteId: number | null; sessionId: number | null } | null;
  /** False once an administrator deactivated the account: the database gives it nothing. */
  active: boolean;
  /** An administrator set the password (a new account, a reset): the console asks for a new one first. */
  mustChangePassword: boolean;
}

type StaffState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** Signed in, but the account has no staff role: it can do nothing here. */
  | { status: 'not-staff'; user: User }
  | { status: 'signed-in'; staff: StaffMember }
  | { status: 'error' };

async function staffOf(user: User): Promise<StaffState> {
  const { data, error } = await supabase
    .from('staff_members')
    .select(
      'display_name, site_id, session_id, active, must_change_password, role:staff_roles(role, name_vi, name_en, level, site_bound), unit:admin_units(id, code, name, name_en, level, unit_set)',
    )
    .eq('user_id', user.id)
    .maybeSingle();
  if (error) return { status: 'error' };
  if (!data?.unit || !data.role) return { status: 'not-staff', user };
  const { site_bound: siteBound, ...role } = data.role;
  const post = siteBound ? { siteId: data.site_id, sessionId: data.session_id } : null;
  return {
    status: 'signed-in',
    staff: { user, role, displayName: data.display_name, unit: data.unit, post, active: data.active, mustChangePassword: data.must_change_password },
  };
}

export function useStaff() {
  const [state, setState] = useState<StaffState>({ status: 'loading' });
  useEffect(() => {
    const { data } = supabase.auth.onAuthStateChange((event, session) => {
      // A changed password or metadata changes nothing the console reads; passwordChanged says so.
      if (event === 'USER_UPDATED') return;
      // Outside the callback: Auth's client holds a lock while it runs, and a query inside would wait on it.
      setTimeout(() => {
        if (!session) setState({ status: 'signed-out' });
        else void staffOf(session.user).then(setState);
      }, 0);
    });
    return () => data.subscription.unsubscribe();
  }, []);

  return {
    state,
    // Auth's client not loading (offline) fails the sign-in as a failed request would.
    signIn: (email: string, password: string) => supabase.auth.signInWithPassword({ email: email.trim(), password }).catch(() => ({ error: {} })),
    signOut: () => supabase.auth.signOut(),
    /** The officer has replaced a password an administrator set: the console lets them in. */
    passwordChanged: () =>
      setState((current) => (current.status === 'signed-in' ? { status: 'signed-in', staff: { ...current.staff, mustChangePassword: false } } : current)),
  };
}
