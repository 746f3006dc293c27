// The text of a failed staff call: the errors namespace, except where an officer needs other
// words than a citizen (a code not found is "not in your area", not "check the phone number").
import type { RpcResult } from '../../../lib/public-api.ts';
import type { Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';

const staffWording = new Set(['not_found']);

/** `namespace` holds the staff wording (`<namespace>:refusal.not_found`). */
export function refusalText(t: Translate, failed: Exclude<RpcResult<unknown>, { ok: true }>, namespace = 'staffDay'): string {
  if (!('network' in failed) && staffWording.has(failed.refusal.code)) return t(`${namespace}:refusal.${failed.refusal.code}`);
  return failureText(t, failed);
}
