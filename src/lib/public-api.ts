// The citizen pages' way to the database: PostgREST's own client with the anon key. The staff
// console's client (supabase.ts) adds the officer's token and Supabase Auth, which citizens never use.
import { PostgrestClient } from '@supabase/postgrest-js';
import type { output } from 'zod/mini';
import type { Database, Json } from './database.types.ts';
import { readRefusal } from '../domain/errors.ts';
import { readAnswer, type AnswerSchema, type RpcResult } from './answers.ts';
import { getArgs, isGetRead } from './get-reads.ts';

export type { RpcResult } from './answers.ts';

type Functions = Database['public']['Functions'];
export type RpcName = keyof Functions;
/** The functions that answer jsonb, whose shape only their schema declares. */
export type JsonRpcName = { [N in RpcName]: [Json] extends [Functions[N]['Returns']] ? N : never }[RpcName];
/** The functions that return a table, typed by the generated types. */
type TableRpcName = Exclude<RpcName, JsonRpcName>;

let client: PostgrestClient<Database> | undefined;

function api(): PostgrestClient<Database> {
  const url = import.meta.env.PUBLIC_SUPABASE_URL;
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
  if (!url || !key) throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set when the site is built');
  // The same headers supabase-js sends: the key as apikey and as the Bearer.
  client ??= new PostgrestClient<Database>(`${url}/rest/v1`, { headers: { apikey: key, Authorization: `Bearer ${key}` } });
  return client;
}

/**
 * Calls a database function, with GET for the reads of get-reads.ts. A jsonb answer is parsed with its schema `answer` (an answer of
 * another shape reads as the refusal `unexpected`); a table comes typed by the generated types. A
 * refusal comes back with its code and details; a request that never got an answer (offline,
 * dropped) comes back as `network`, which a caller may retry.
 */
export function rpc<N extends JsonRpcName, S extends AnswerSchema>(name: N, args: Functions[N]['Args'], answer: S): Promise<RpcResult<output<S>>>;
export function rpc<N extends TableRpcName>(name: N, args: Functions[N]['Args']): Promise<RpcResult<Functions[N]['Returns']>>;
export async function rpc(name: RpcName, args: object, answer?: AnswerSchema): Promise<RpcResult<unknown>> {
  try {
    const get = isGetRead(name);
    // postgrest-js would retry a failed GET by itself for up to 7 s; the callers decide instead, as
    // they did when every call was a POST.
    const { data, error, status } = await api()
      .rpc(name, (get ? getArgs(args) : args) as never, { get })
      .retry(false);
    if (!error) return answer ? readAnswer(name, data, answer) : { ok: true, data };
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
