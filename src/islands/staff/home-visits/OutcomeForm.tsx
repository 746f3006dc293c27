// Closes a home visit: done, or could not be done, with a note of what happened.
import { useState } from 'react';
import { outcomeSchema } from '../../../domain/home-visit.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { closeVisit } from './data.ts';
import { useForm } from '../../shared/use-form.ts';
import { useSave, type FormProps } from './use-save.ts';

export function OutcomeForm({ t, visit, status, close, onChanged }: FormProps & { status: 'done' | 'could_not' }) {
  const [note, setNote] = useState('');
  const noteId = `outcome-${visit.id}-note`;
  const form = useForm(t);
  const { problem, busy, save } = useSave(t, form, close, () => onChanged(t('staffHomeVisits:outcome.saved', { name: visit.full_name }), visit.id), { note: noteId });

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = form.check(outcomeSchema, { status, note }, (path) => `outcome-${visit.id}-${String(path[0])}`);
    if (checked) void save(() => closeVisit(visit.id, checked));
  }

  return (
    <form noValidate onSubmit={submit} className="staff-form">
      <ErrorSummary title={t('staffHomeVisits:errors.title')} errors={form.errors} />
      <fieldset>
        <legend>{t('staffHomeVisits:outcome.legend', { name: visit.full_name })}</legend>
        <TextField {...form.field(noteId)} label={t('staffHomeVisits:outcome.note')} hint={t('staffHomeVisits:outcome.noteHint')} value={note} onValue={setNote} />
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
