// Closes a home visit: done, or could not be done, with a note of what happened.
import { useState } from 'react';
import { outcomeSchema } from '../../../domain/home-visit.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { closeVisit } from './data.ts';
import { issuesOf, useSave, type FormProps } from './use-save.ts';

export function OutcomeForm({ t, visit, status, close, onChanged }: FormProps & { status: 'done' | 'could_not' }) {
  const [note, setNote] = useState('');
  const noteId = `outcome-${visit.id}-note`;
  const { errors, setErrors, problem, busy, save } = useSave(t, close, () => onChanged(t('staffHomeVisits:outcome.saved', { name: visit.full_name }), visit.id), { note: noteId });
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const parsed = outcomeSchema.safeParse({ status, note });
    if (!parsed.success) return setErrors(issuesOf(t, `outcome-${visit.id}`, parsed.error.issues));
    setErrors([]);
    void save(() => closeVisit(visit.id, parsed.data));
  }

  return (
    <form noValidate onSubmit={submit} className="staff-form">
      <ErrorSummary title={t('staffHomeVisits:errors.title')} errors={errors} />
      <fieldset>
        <legend>{t('staffHomeVisits:outcome.legend', { name: visit.full_name })}</legend>
        <TextField id={noteId} label={t('staffHomeVisits:outcome.note')} hint={t('staffHomeVisits:outcome.noteHint')} error={fieldErrors[noteId]}
          errorPrefix={t('staffHomeVisits:errors.prefix')} value={note} onValue={setNote} />
      </fieldset>
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t(status === 'done' ? 'staffHomeVisits:outcome.submitDone' : 'staffHomeVisits:outcome.submitCouldNot')}
        </button>
        <button type="button" className="button button-secondary" onClick={close}>
          {t('staffHomeVisits:schedule.close')}
        </button>
      </div>
    </form>
  );
}
