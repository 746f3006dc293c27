// Schedules or reschedules a home visit: the date, the time window and the team's contact.
import { useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { scheduleSchema } from '../../../domain/home-visit.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { scheduleVisit } from './data.ts';
import { useForm } from '../../shared/use-form.ts';
import { useSave, type FormProps } from './use-save.ts';

export function ScheduleForm({ t, visit, close, onChanged }: FormProps) {
  const [draft, setDraft] = useState({
    date: visit.scheduled_on ?? todayInVietnam(),
    from: visit.scheduled_from ?? '08:00',
    to: visit.scheduled_to ?? '09:00',
    team_contact: visit.team_contact ?? '',
  });
  const id = (field: string) => `schedule-${visit.id}-${field}`;
  const form = useForm(t);
  const { problem, busy, save } = useSave(t, form, close, () => onChanged(t('staffHomeVisits:schedule.saved', { name: visit.full_name }), visit.id), { date: id('date'), window: id('to'), team_contact: id('team_contact') });

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = form.check(scheduleSchema, draft, (path) => id(String(path[0])));
    if (checked) void save(() => scheduleVisit(visit.id, checked));
  }

  return (
    <form noValidate onSubmit={submit} className="staff-form">
      <ErrorSummary title={t('staffHomeVisits:errors.title')} errors={form.errors} />
      <fieldset>
        <legend>{t('staffHomeVisits:schedule.legend', { name: visit.full_name })}</legend>
        <TextField {...form.field(id('date'))} type="date" label={t('staffHomeVisits:schedule.date')}
          value={draft.date} onValue={(date) => setDraft({ ...draft, date })} />
        <div className="time-pair">
          <TextField {...form.field(id('from'))} type="time" label={t('staffHomeVisits:schedule.from')}
            value={draft.from} onValue={(from) => setDraft({ ...draft, from })} />
          <TextField {...form.field(id('to'))} type="time" label={t('staffHomeVisits:schedule.to')}
            value={draft.to} onValue={(to) => setDraft({ ...draft, to })} />
        </div>
        <TextField {...form.field(id('team_contact'))} label={t('staffHomeVisits:schedule.contact')} hint={t('staffHomeVisits:schedule.contactHint')}
           value={draft.team_contact} onValue={(team_contact) => setDraft({ ...draft, team_contact })} />
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
