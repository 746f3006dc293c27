// Saving a home-visit form: the call, then the list read again, or why not, for the form to show.
import { useState } from 'react';
import { rejectedFieldMessage } from '../../../domain/home-visit-basics.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import type { Form } from '../../shared/use-form.ts';
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
 * Saves through `run` and closes the form, or shows why not: a field the database refused at that
 * field of `form` (`fieldIds` maps its name to the input's id), another refusal as a notice.
 */
export function useSave(t: Translate, form: Form, close: () => void, onChanged: () => Promise<void>, fieldIds: Record<string, string>) {
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
    if (!(rejected && form.showAt(field, t(rejected)))) setProblem(rejected ? t(rejected) : refusalText(t, result, 'staffHomeVisits'));
  }
  return { problem, busy, save };
}
