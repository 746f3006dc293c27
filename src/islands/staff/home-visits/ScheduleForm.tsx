// Schedules or reschedules a home visit: the date, the time window and the team's contact.
import { useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { scheduleSchema } from '../../../domain/home-visit.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { scheduleVisit } from './data.ts';
import { issuesOf, useSave, type FormProps } from './use-save.ts';

export function ScheduleForm({ t, visit, close, onChanged }: FormProps) {
  const [draft, setDraft] = useState({
    date: visit.scheduled_on ?? todayInVietnam(),
    from: visit.scheduled_from ?? '08:00',
    to: visit.scheduled_to ?? '09:00',
    team_contact: visit.team_contact ?? '',
  });
  const id = (field: string) => `schedule-${visit.id}-${field}`;
  const { errors, setErrors, problem, busy, save } = useSave(t, close, () => onChanged(t('staffHomeVisits:schedule.saved', { name: visit.full_name }), visit.id), { date: id('date'), window: id('to'), team_contact: id('team_contact') });
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('staffHomeVisits:errors.prefix');

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const parsed = scheduleSchema.safeParse(draft);
    if (!parsed.success) return setErrors(issuesOf(t, `schedule-${visit.id}`, parsed.error.issues));
    setErrors([]);
    void save(() => scheduleVisit(visit.id, parsed.data));
  }

  return (
    <form noValidate onSubmit={submit} className="staff-form">
      <ErrorSummary title={t('staffHomeVisits:errors.title')} errors={errors} />
      <fieldset>
        <legend>{t('staffHomeVisits:schedule.legend', { name: visit.full_name })}</legend>
        <TextField id={id('date')} type="date" label={t('staffHomeVisits:schedule.date')} error={fieldErrors[id('date')]} errorPrefix={prefix}
          value={draft.date} onValue={(date) => setDraft({ ...draft, date })} />
        <div className="time-pair">
          <TextField id={id('from')} type="time" label={t('staffHomeVisits:schedule.from')} error={fieldErrors[id('from')]} errorPrefix={prefix}
            value={draft.from} onValue={(from) => setDraft({ ...draft, from })} />
          <TextField id={id('to')} type="time" label={t('staffHomeVisits:schedule.to')} error={fieldErrors[id('to')]} errorPrefix={prefix}
            value={draft.to} onValue={(to) => setDraft({ ...draft, to })} />
        </div>
        <TextField id={id('team_contact')} label={t('staffHomeVisits:schedule.contact')} hint={t('staffHomeVisits:schedule.contactHint')}
          error={fieldErrors[id('team_contact')]} errorPrefix={prefix} value={draft.team_contact} onValue={(team_contact) => setDraft({ ...draft, team_contact })} />
      </fieldset>
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t('staffHomeVisits:schedule.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={close}>
          {t('staffHomeVisits:schedule.close')}
        </button>
      </div>
    </form>
  );
}
