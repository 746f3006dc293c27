// One home-visit request in the officer's list: the person and the request's details; schedule or
// reschedule it, mark it done or could-not.
import { lazy, Suspense, useId, useState } from 'react';
import { formatCode } from '../../../domain/booking-code.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import { ageInDays, isOverdue } from '../../../domain/home-visit-basics.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate } from '../../../lib/format.ts';
import type { Translate } from '../../translator.ts';
import type { StaffHomeVisit } from './data.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { VisitDetails } from './VisitDetails.tsx';

// The forms open on an officer's choice; the list loads without them.
const ScheduleForm = lazy(() => import('./ScheduleForm.tsx').then(({ ScheduleForm }) => ({ default: ScheduleForm })));
const OutcomeForm = lazy(() => import('./OutcomeForm.tsx').then(({ OutcomeForm }) => ({ default: OutcomeForm })));

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
  const open = visit.status === 'received' || visit.status === 'scheduled';
  const overdue = isOverdue(visit);
  return (
    <li id={`visit-${visit.id}`} className="staff-session" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        <span lang={vietnameseData(locale)}>{visit.full_name}</span>
        <span className={`staff-badge staff-badge-${visit.status}`}>{t(`homeVisit:status.${visit.status}`)}</span>
      </h3>
      {overdue && <p className="notice notice-warning">{t('staffHomeVisits:card.overdue')}</p>}
      <p className="hint">
        {formatCode(visit.code)} · {age === 0 ? t('staffHomeVisits:card.ageToday') : t('staffHomeVisits:card.age', { count: age })} ·{' '}
        {t('staffHomeVisits:card.born', { date: formatDate(locale, visit.birth_date) })}
      </p>
      <VisitDetails locale={locale} t={t} visit={visit} />
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
      <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
        {form === 'schedule' && <ScheduleForm t={t} visit={visit} close={() => setForm(null)} onChanged={onChanged} />}
        {(form === 'done' || form === 'could_not') && <OutcomeForm t={t} visit={visit} status={form} close={() => setForm(null)} onChanged={onChanged} />}
      </Suspense>
    </li>
  );
}
