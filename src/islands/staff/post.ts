// Where a volunteer works, by name, for the console's home; the day page never needs it (a module of
// its own keeps it out of the day page's first load).
import { supabase } from '../../lib/supabase.ts';
import type { StaffMember } from './use-staff.ts';

/** A volunteer's post by name: the site, and the session's date when it is one session. */
export interface PostPlace {
  siteName: string;
  date: string | null;
}

/**
 * Where a volunteer works, by name; null where the database shows none (a site or session without
 * a published session: a volunteer reads what citizens read), undefined when the read failed.
 */
export async function loadPostPlace(post: NonNullable<StaffMember['post']>): Promise<PostPlace | null | undefined> {
  if (post.sessionId !== null) {
    const { data, error } = await supabase.from('intake_sessions').select('session_date, site:intake_sites(name)').eq('id', post.sessionId).maybeSingle();
    if (error) return undefined;
    return data?.site ? { siteName: data.site.name, date: data.session_date } : null;
  }
  const { data, error } = await supabase.from('intake_sites').select('name').eq('id', post.siteId ?? 0).maybeSingle();
  if (error) return undefined;
  return data && { siteName: data.name, date: null };
}
