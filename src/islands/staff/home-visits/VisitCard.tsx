// One home-visit request in the officer's list: the person, where, needs, what suits the family,
// who asked (with a call link); schedule or reschedule it, mark it done or could-not.
import { useId, useState } from 'react';
import { formatCode } from '../../../domain/booking-code.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import { ageInDays, isOverdue, outcomeSchema, rejectedFieldMessage, scheduleSchema } from '../../../domain/home-visit.ts';
import { formatPhone } from '../../../domain/phone.ts';
import type { Locale } from '../../../i18n/config.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { formatDate } from '../../../lib/format.ts';
import { preferredTimes, visitWindow } from '../../home-visit/format.ts';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { Translate } from '../../translator.ts';
import { refusalText } from '../day/refusal.ts';
import { closeVisit, scheduleVisit, type StaffHomeVisit } from './data.ts';

interface Props {
  locale: Locale;
  t: Translate;
  visit: StaffHomeVisit;
  /** Tells the list a change of this visit was saved, with the text to announce; the list reads itself again. */
  onChanged: (message: string, id: number) => Promise<void>;
}

type Form = 'schedule' | 'done' | 'could_not' | null;

export function VisitCard({ locale, t, visit, onChanged }: Props) {
  const [form, setForm] = useState<Form>(null);
  const headingId = useId();
  const age = ageInDays(visit.created_at);
  const needs = visit.needs.map((need) => (need === 'ethnic_language' && visit.ethnic_language ? `${t(`homeVisit:needs.${need}`)} (${visit.ethnic_language})` : t(`homeVisit:needs.${need}`)));
  const open = visit.status === 'received' || visit.status === 'scheduled';
  const overdue = isOverdue(visit);
  return (
    <li id={`visit-${visit.id}`} className="staff-session" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {visit.full_name}
        <span className={`staff-badge staff-badge-${visit.status}`}>{t(`homeVisit:status.${visit.status}`)}</span>
      </h3>
      {overdue && <p className="notice notice-warning">{t('staffHomeVisits:card.overdue')}</p>}
      <p className="hint">
        {formatCode(visit.code)} · {age === 0 ? t('staffHomeVisits:card.ageToday') : t('staffHomeVisits:card.age', { count: age })} ·{' '}
        {t('staffHomeVisits:card.born', { date: formatDate(locale, visit.birth_date) })}
      </p>
      <dl className="summary-list">
        {visit.scheduled_on && (
          <div>
            <dt>{t('staffHomeVisits:card.visit')}</dt>
            <dd>
              {visitWindow(t, locale, visit)}
              <br />
              {visit.team_contact}
            </dd>
          </div>
        )}
        {visit.outcome_note && (
          <div>
            <dt>{t('staffHomeVisits:card.outcome')}</dt>
            <dd>{visit.outcome_note}</dd>
          </div>
        )}
        <div>
          <dt>{t('staffHomeVisits:card.reason')}</dt>
          <dd>{visit.reason === 'other' ? visit.reason_other : t(`homeVisit:reason.${visit.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('staffHomeVisits:card.address')}</dt>
          <dd>
            {visit.street_address}, {visit.ward?.name}, {visit.ward?.district?.name}
          </dd>
        </div>
        {visit.landmark && (
          <div>
            <dt>{t('staffHomeVisits:card.landmark')}</dt>
            <dd>{visit.landmark}</dd>
          </div>
        )}
        {needs.length > 0 && (
          <div>
            <dt>{t('staffHomeVisits:card.needs')}</dt>
            <dd>{needs.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('staffHomeVisits:card.preferred')}</dt>
          <dd>{preferredTimes(t, visit.preferred_days, visit.preferred_periods)}</dd>
        </div>
        <div>
          <dt>{t('staffHomeVisits:card.requester')}</dt>
          <dd>
            {visit.requester_name} ({t(`homeVisit:relationship.${visit.relationship}`)}) ·{' '}
            <a href={`tel:${visit.requester_phone}`}>{t('staffHomeVisits:card.call', { phone: formatPhone(visit.requester_phone) })}</a>
          </dd>
        </div>
        {visit.old_id_number && (
          <div>
            <dt>{t('staffHomeVisits:card.oldId')}</dt>
            <dd>{visit.old_id_number}</dd>
          </div>
        )}
        <div>
          <dt>{t('staffHomeVisits:card.location')}</dt>
          <dd>{visit.lat !== null ? t('staffHomeVisits:card.locationExact') : t('staffHomeVisits:card.locationApprox')}</dd>
        </div>
      </dl>
      {open && form === null && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setForm('schedule')}>
            {t(visit.status === 'scheduled' ? 'staffHomeVisits:schedule.reopen' : 'staffHomeVisits:schedule.open')}
          </button>
          {visit.status === 'scheduled' && visit.scheduled_on !== null && visit.scheduled_on <= todayInVietnam() && (
            <button type="button" className="button button-secondary" onClick={() => setForm('done')}>
              {t('staffHomeVisits:outcome.done')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setForm('could_not')}>
            {t('staffHomeVisits:outcome.could_not')}
          </button>
        </div>
      )}
      {form === 'schedule' && <ScheduleForm t={t} visit={visit} close={() => setForm(null)} onChanged={onChanged} />}
      {(form === 'done' || form === 'could_not') && <OutcomeForm t={t} visit={visit} status={form} close={() => setForm(null)} onChanged={onChanged} />}
    </li>
  );
}

interface FormProps {
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
function useSave(t: Translate, close: () => void, onChanged: () => Promise<void>, fieldIds: Record<string, string>) {
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

function issuesOf(t: Translate, prefix: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ field: `${prefix}-${String(issue.path[0])}`, message: t(issue.message) }))
    .filter((error) => !seen.has(error.field) && seen.add(error.field));
}

function ScheduleForm({ t, visit, close, onChanged }: FormProps) {
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

function OutcomeForm({ t, visit, status, close, onChanged }: FormProps & { status: 'done' | 'could_not' }) {
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
