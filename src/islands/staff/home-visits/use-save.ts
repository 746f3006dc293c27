// Saving a home-visit form: the call, then the list read again, or why not, for the form to show.
import { useState } from 'react';
import { rejectedFieldMessage } from '../../../domain/home-visit.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import type { FieldError } from '../../shared/ErrorSummary.tsx';
import type { Translate } from '../../translator.ts';
import { refusalText } from '../day/refusal.ts';
import type { StaffHomeVisit } from './data.ts';

export interface FormProps {
  t: Translate;
  visit: StaffHomeVisit;
  close: () => void;
  onChanged: (message: string, id: number) => Promise<void>;
}

/**
 * Saves through `run` and closes the form, or shows why not: field problems in the summary (a
 * field the database refused included: `fieldIds` maps its name to the input's id), another
 * refusal as a notice.
 */
export function useSave(t: Translate, close: () => void, onChanged: () => Promise<void>, fieldIds: Record<string, string>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function save(run: () => Promise<RpcResult<unknown>>) {
    setBusy(true);
    setProblem(undefined);
    const result = await run();
    setBusy(false);
    if (result.ok) {
      close();
      await onChanged();
      return;
    }
    const rejected = 'refusal' in result ? rejectedFieldMessage(result.refusal, 'staff') : undefined;
    const field = 'refusal' in result && typeof result.refusal.details.field === 'string' ? fieldIds[result.refusal.details.field] : undefined;
    if (rejected && field) setErrors([{ field, message: t(rejected) }]);
    else setProblem(rejected ? t(rejected) : refusalText(t, result, 'staffHomeVisits'));
  }
  return { errors, setErrors, problem, busy, save };
}

/** The schema's problems as the summary's errors, the first of each field only. */
export function issuesOf(t: Translate, prefix: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ field: `${prefix}-${String(issue.path[0])}`, message: t(issue.message) }))
    .filter((error) => !seen.has(error.field) && seen.add(error.field));
}
