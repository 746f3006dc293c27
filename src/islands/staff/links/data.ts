// What the links page reads and writes through the officer's session: RLS keeps every
// read to the officer's scope; the staff_* functions check it again before changing anything.
import type { output } from 'zod/mini';
import { handledRequestSchema } from '../../../domain/staff-writes.ts';
import type { AnswerSchema } from '../../../lib/answers.ts';
import type { Database } from '../../../lib/database.types.ts';
import { supabase, type QueryData } from '../../../lib/supabase.ts';
import type { Translate } from '../../translator.ts';
import { failureText, staffRpc } from '../calls.ts';

/** Places taken and places the link can still take (its own and its session's shifts'). */
export interface LinkCounts {
  taken: number;
  places_left: number;
}

export type OrganisationRequestRow = Database['public']['Tables']['organisation_requests']['Row'];

/** The links of the officer's scope (RLS), with what the page shows of each. */
const selectLinks = () => supabase.from('signup_links').select('id, session_id, org_name, org_kind, places, closes_at, status, share_token, created_at');

export type SignupLinkRow = QueryData<ReturnType<typeof selectLinks>>[number];

export async function loadLinks(): Promise<{ links: SignupLinkRow[]; counts: Map<number, LinkCounts> }> {
  const { data: links, error } = await selectLinks().order('created_at', { ascending: false }).limit(200);
  if (error) throw error;
  const counts = new Map<number, LinkCounts>();
  if (links.length) {
    // Counted in the database: reading booking rows would stop at PostgREST's 1000-row cap.
    const counted = await supabase.rpc('staff_signup_link_counts', { p_link_ids: links.map((link) => link.id) });
    if (counted.error) throw counted.error;
    for (const row of counted.data) counts.set(row.link_id, { taken: row.taken, places_left: row.places_left });
  }
  return { links, counts };
}

export async function loadLink(id: number): Promise<SignupLinkRow | null> {
  const { data, error } = await selectLinks().eq('id', id).maybeSingle();
  if (error) throw error;
  return data;
}

/** The newest requests of the officer's scope, new ones first. */
export async function loadRequests(): Promise<OrganisationRequestRow[]> {
  const { data, error } = await supabase.from('organisation_requests').select('*').is('purged_at', null).order('status').order('created_at', { ascending: false }).limit(100);
  if (error) throw error;
  return data;
}

export async function markRequestHandled(id: number): Promise<boolean> {
  return (await staffRpc('staff_mark_organisation_request_handled', { p_request_id: id }, handledRequestSchema)).ok;
}

export type Call<T> = { ok: true; data: T } | { ok: false; text: string };

type Functions = Database['public']['Functions'];
type LinkFunction = 'staff_create_signup_link' | 'staff_set_signup_link_status' | 'staff_new_coordinator_token' | 'staff_link_roster';

/** Calls a staff function, its answer parsed with `answer`; a refusal or a lost answer comes back as the text to show. */
export async function call<N extends LinkFunction, S extends AnswerSchema>(t: Translate, name: N, args: Functions[N]['Args'], answer: S): Promise<Call<output<S>>> {
  const result = await staffRpc(name, args, answer);
  return result.ok ? result : { ok: false, text: failureText(t, result) };
}

export interface SessionPlace {
  session_date: string;
  site_name: string;
  address: string;
}

/** The date and place of a session of the officer's scope (unpublished ones included, by RLS). */
export async function loadSessionPlace(sessionId: number): Promise<SessionPlace> {
  const { data, error } = await supabase.from('intake_sessions').select('session_date, site:intake_sites(name, address)').eq('id', sessionId).single();
  if (error) throw error;
  return { session_date: data.session_date, site_name: data.site?.name ?? '', address: data.site?.address ?? '' };
}
