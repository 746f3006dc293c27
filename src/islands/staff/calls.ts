// A staff page's reads and writes through the officer's supabase-js session, as the citizen pages
// get theirs (RpcResult): the data, a refusal with its code, or `network` when no answer came.
import type { ZodMiniType } from 'zod/mini';
import { readRefusal, refusalMessage } from '../../domain/errors.ts';
import type { Database } from '../../lib/database.types.ts';
import type { RpcName, RpcResult } from '../../lib/public-api.ts';
import { supabase } from '../../lib/supabase.ts';
import type { Translate } from '../translator.ts';

/** supabase-js answers a failed fetch with status 0; anything else is the database speaking. */
export function failure(error: { code?: string | null; details?: unknown }, status: number): RpcResult<never> {
  return status === 0 ? { ok: false, network: true } : { ok: false, refusal: readRefusal(error) };
}

/** Runs a read or write; a thrown fetch (offline) is a network failure like status 0. */
export async function attempt<T>(run: () => Promise<RpcResult<T>>): Promise<RpcResult<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, network: true };
  }
}

/**
 * Calls a staff function and parses its answer with the answer's schema (src/domain); an answer of
 * any other shape is `unexpected`, never passed on.
 */
export function staffRpc<N extends RpcName, T>(name: N, args: Database['public']['Functions'][N]['Args'], schema: ZodMiniType<T>): Promise<RpcResult<T>> {
  return attempt(async () => {
    const { data, error, status } = await supabase.rpc(name, args as never);
    if (error) return failure(error, status);
    const parsed = schema.safeParse(data);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, refusal: { code: 'unexpected', details: {} } };
  });
}

/** The text of a failed call in the citizens' words (the errors namespace). */
export function failureText(t: Translate, failed: Exclude<RpcResult<unknown>, { ok: true }>): string {
  if ('network' in failed) return t('errors:network');
  const { key, values } = refusalMessage(failed.refusal);
  return t(key, values);
}
