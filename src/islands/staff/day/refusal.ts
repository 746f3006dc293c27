// The text of a failed staff call: the errors namespace, except where an officer needs other
// words than a citizen (a code not found is "not in your area", not "check the phone number").
import { refusalMessage } from '../../../domain/errors.ts';
import type { Translate } from '../../translator.ts';
import type { Result } from './data.ts';

const staffWording = new Set(['not_found']);

/** `namespace` holds the staff wording (`<namespace>:refusal.not_found`). */
export function refusalText(t: Translate, failed: Exclude<Result<unknown>, { ok: true }>, namespace = 'staffDay'): string {
  if ('network' in failed) return t('errors:network');
  if (staffWording.has(failed.refusal.code)) return t(`${namespace}:refusal.${failed.refusal.code}`);
  const { key, values } = refusalMessage(failed.refusal);
  return t(key, values);
}
