// Sending a request that must take effect once (a booking, a join, a home-visit request). The
// idempotency key is kept in the tab's sessionStorage for the same answers, so a retry after a
// lost answer (even after a reload) gets the first result back instead of a second booking.
import { useState } from 'react';
import { newIdempotencyKey } from '../../domain/idempotency-key.ts';
import type { output } from 'zod/mini';
import type { AnswerSchema } from '../../lib/answers.ts';
import type { Database } from '../../lib/database.types.ts';
import { rpc, type JsonRpcName, type RpcResult } from '../../lib/public-api.ts';
import { readSession } from './tab-storage.ts';

type Functions = Database['public']['Functions'];
type KeyedRpc = { [N in JsonRpcName]: Functions[N]['Args'] extends { p_idempotency_key: string } ? N : never }[JsonRpcName];

/** How a call reaches the database: the citizens' anon client, or the officer's session (staff/calls.ts). */
export type Caller = <N extends JsonRpcName, S extends AnswerSchema>(name: N, args: Functions[N]['Args'], answer: S) => Promise<RpcResult<output<S>>>;

const anonCaller: Caller = (name, args, answer) => rpc(name, args, answer);

const tries = 3;
const stepMs = 1500;

/**
 * Calls `name` with the arguments `argsFor(key)` builds (its answer parsed with `answer`), up to
 * three times while no answer comes back (waiting 1.5 s, 3 s, 4.5 s after each), and returns the
 * last result. `onAttempt` hears each try's
 * number and 0 when done, for a "sending, try 2" line.
 */
export async function sendOnce<N extends KeyedRpc, S extends AnswerSchema>(
  storageKey: string,
  name: N,
  argsFor: (idempotencyKey: string) => Functions[N]['Args'],
  answer: S,
  onAttempt: (attempt: number) => void,
  call: Caller = anonCaller,
): Promise<RpcResult<output<S>>> {
  const fingerprint = JSON.stringify(argsFor(''));
  const previous = readSession<{ fingerprint: string; key: string }>(storageKey);
  const key = previous?.fingerprint === fingerprint ? previous.key : newIdempotencyKey();
  sessionStorage.setItem(storageKey, JSON.stringify({ fingerprint, key }));
  let result: RpcResult<output<S>> = { ok: false, network: true };
  for (let attempt = 1; attempt <= tries; attempt++) {
    onAttempt(attempt);
    result = await call(name, argsFor(key), answer);
    if (!(!result.ok && 'network' in result)) break;
    // Also after the last try, so "try 3" stays up a moment before the failure shows.
    await new Promise((resolve) => setTimeout(resolve, attempt * stepMs));
  }
  if (result.ok) sessionStorage.removeItem(storageKey);
  onAttempt(0);
  return result;
}

/** `sendOnce` for a form, with the try being sent (0 when none) for its "sending, try 2" line. */
export function useSendOnce(storageKey: string, call?: Caller) {
  const [attempt, setAttempt] = useState(0);
  function send<N extends KeyedRpc, S extends AnswerSchema>(name: N, argsFor: (idempotencyKey: string) => Functions[N]['Args'], answer: S) {
    return sendOnce(storageKey, name, argsFor, answer, setAttempt, call);
  }
  return { attempt, send };
}
