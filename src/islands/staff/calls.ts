// A staff page's reads and writes through the officer's session, as the citizen pages
// get theirs (RpcResult): the data, a refusal with its code, or `network` when no answer came.
import type { output } from 'zod/mini';
import { readRefusal, refusalMessage } from '../../domain/errors.ts';
import { readAnswer, type AnswerSchema } from '../../lib/answers.ts';
import type { Database } from '../../lib/database.types.ts';
import type { JsonRpcName, RpcResult } from '../../lib/public-api.ts';
import { supabase } from '../../lib/supabase.ts';
import type { Translate } from '../translator.ts';

/** No answer came: offline, or a part of the page that would not load. */
export const networkFailure = { ok: false, network: true } as const;

/** postgrest-js answers a failed fetch with status 0; anything else is the database speaking. */
export function failure(error: { code?: string | null; details?: unknown }, status: number): RpcResult<never> {
  return status === 0 ? networkFailure : { ok: false, refusal: readRefusal(error) };
}

/** Runs a read or write; a thrown fetch (offline) is a network failure like status 0. */
export async function attempt<T>(run: () => Promise<RpcResult<T>>): Promise<RpcResult<T>> {
  try {
    return await run();
  } catch {
    return networkFailure;
  }
}

/**
 * When the last action got no answer (0 once one has answered): its error on the day page clears
 * itself when a read started later succeeds, the connection being back.
 */
export let unansweredAt = 0;

/** The failure of an action that got no answer (or could not load what it needs), noted in `unansweredAt`. */
export function noAnswer(): typeof networkFailure {
  unansweredAt = Date.now();
  return networkFailure;
}

/**
 * Calls a staff function and parses its answer with `answer`, once, as the citizen pages do: a call
 * that got no answer is never sent again on its own (postgrest-js retries reads only), since it may
 * have been applied; the officer sees the error and decides.
 */
export async function staffRpc<N extends JsonRpcName, S extends AnswerSchema>(
  name: N,
  args: Database['public']['Functions'][N]['Args'],
  answer: S,
): Promise<RpcResult<output<S>>> {
  const result = await attempt(async () => {
    const { data, error, status } = await supabase.rpc(name, args as never);
    return error ? failure(error, status) : readAnswer(name, data, answer);
  });
  if ('network' in result) return noAnswer();
  unansweredAt = 0;
  return result;
}

/** The text of a failed call in the citizens' words (the errors namespace). */
export function failureText(t: Translate, failed: Exclude<RpcResult<unknown>, { ok: true }>): string {
  if ('network' in failed) return t('errors:network');
  const { key, values } = refusalMessage(failed.refusal);
  return t(key, values);
}
