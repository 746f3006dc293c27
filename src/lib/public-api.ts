// The citizen pages' way to the database: PostgREST's own client (part of supabase-js) rather
// than all of supabase-js, whose auth, realtime and storage clients citizens never use and which
// would take half of a page's JavaScript budget. The staff console uses supabase-js.
import { PostgrestClient } from '@supabase/postgrest-js';
import type { Database } from './database.types.ts';
import { readRefusal, type Refusal } from '../domain/errors.ts';

type Functions = Database['public']['Functions'];
export type RpcName = keyof Functions;

let client: PostgrestClient<Database> | undefined;

function api(): PostgrestClient<Database> {
  const url = import.meta.env.PUBLIC_SUPABASE_URL;
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
  if (!url || !key) throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set when the site is built');
  // The same headers supabase-js sends: the key as apikey and as the Bearer.
  client ??= new PostgrestClient<Database>(`${url}/rest/v1`, { headers: { apikey: key, Authorization: `Bearer ${key}` } });
  return client;
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; refusal: Refusal } | { ok: false; network: true };

/**
 * Calls a database function. A refusal comes back with its code and details; a request that
 * never got an answer (offline, dropped) comes back as `network`, which a caller may retry.
 */
export async function rpc<N extends RpcName, T = Functions[N]['Returns']>(name: N, args: Functions[N]['Args']): Promise<RpcResult<T>> {
  try {
    const { data, error, status } = await api().rpc(name, args as never);
    if (!error) return { ok: true, data: data as T };
    // postgrest-js reports a failed fetch as status 0 with the fetch error as the message.
    if (status === 0) return { ok: false, network: true };
    return { ok: false, refusal: readRefusal(error) };
  } catch {
    return { ok: false, network: true };
  }
}

/** A read of a public table, for the unit pickers and the like. */
export function from<T extends keyof Database['public']['Tables']>(table: T) {
  return api().from(table);
}
