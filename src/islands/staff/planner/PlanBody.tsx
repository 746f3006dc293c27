// The plan once open: its totals against the quota, what it lacks in words, the progress curve, a
// calendar of the days to the deadline, the chosen day's sessions, saving and publishing. Loaded
// with the planner's code, never with the page.
import { lazy, Suspense, useState } from 'react';
import type { PlanShortfall, PlannedSession } from '../../../domain/planner/schema.ts';
import { formatDate, formatDayLong, formatNumber } from '../../../lib/format.ts';
import { DaySessions } from './DaySessions.tsx';
import type { Plan, PlanContext } from './PlanView.tsx';
import { PublishPanel } from './PublishPanel.tsx';

// The curve's own chunk: it comes after the figures, which need it not.
const PlanCurve = lazy(() => import('./curve/PlanCurve.tsx'));

interface BodyProps {
  context: PlanContext;
  plan: Plan;
  wardCodes: ReadonlyMap<number, string>;
  dirty: boolean;
  busy: boolean;
  onEdit: (sessions: PlannedSession[]) => void;
  onSave: () => Promise<boolean>;
  onPublished: () => Promise<void>;
  say: (kind: 'success' | 'error' | 'warning', text: string) => void;
}

export default function PlanBody({ context, plan, wardCodes, dirty, busy, onEdit, onSave, onPublished, say }: BodyProps) {
  const { locale, t, answer, input, engine } = context;
  const curve = engine.progressCurve(input, plan.sessions);
  const planned = curve.at(-1)?.cumulative ?? 0;
  const [day, setDay] = useState<string | null>(null);
  const n = (value: number) => formatNumber(locale, value);
  return (
    <>
      <h3>{t('planner:totals.heading')}</h3>
      <p>
        {t('planner:totals.planned', {
          planned: n(planned),
          quota: n(input.quota),
          sessions: n(plan.sessions.length),
        })}
      </p>
      <p className={planned >= input.quota ? 'notice notice-success' : 'notice notice-warning'}>
        {planned >= input.quota ? t('planner:totals.met') : t('planner:totals.short', { missing: n(input.quota - planned) })}
      </p>
      {plan.shortfall && plan.shortfall.length > 0 && <Shortfall context={context} shortfall={plan.shortfall} />}

      <h3>{t('planner:curve.heading')}</h3>
      <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
        <PlanCurve
          quota={answer.campaign.quota}
          startsOn={answer.campaign.starts_on}
          deadline={answer.campaign.deadline}
          today={answer.today}
          projected={curve}
          actual={answer.actual}
          locale={locale}
          t={t}
        />
      </Suspense>

      <Calendar context={context} sessions={plan.sessions} day={day} onDay={setDay} />
      {day && <DaySessions key={day} context={context} date={day} sessions={plan.sessions} wardCodes={wardCodes} onEdit={onEdit} say={say} />}

      <h3>{t('planner:save.heading')}</h3>
      <p>{dirty ? t('planner:save.unsaved') : t('planner:save.upToDate')}</p>
      <div className="staff-actions">
        <button type="button" className="button" disabled={busy || !dirty} onClick={() => void onSave()}>
          {t('planner:save.button')}
        </button>
      </div>
      <PublishPanel context={context} sessions={plan.sessions} dirty={dirty} onSave={onSave} onPublished={onPublished} say={say} />
    </>
  );
}

function Shortfall({ context, shortfall }: { context: PlanContext; shortfall: PlanShortfall[] }) {
  const { locale, t, answer } = context;
  const n = (value: number) => formatNumber(locale, value);
  const unitName = (code: string) => answer.units.find((unit) => unit.code === code)?.name ?? code;
  const line = (item: PlanShortfall): string => {
    switch (item.resource) {
      case 'sites':
        return t('planner:shortfall.sites', {
          units: item.units.map(unitName).join(', '),
        });
      case 'people':
        return t('planner:shortfall.people', {
          have: n(item.have),
          need: n(item.need),
        });
      case 'machines and teams':
        return item.need === null
          ? t('planner:shortfall.bothNever')
          : t('planner:shortfall.both', {
              machines: n(item.need.machines),
              teams: n(item.need.teams),
              haveMachines: n(item.have.machines),
              haveTeams: n(item.have.teams),
            });
      case 'days':
        return item.need === null || item.deadline === null
          ? t('planner:shortfall.daysNever', { have: n(item.have) })
          : t('planner:shortfall.days', {
              have: n(item.have),
              need: n(item.need),
              deadline: formatDate(locale, item.deadline),
            });
      default:
        return item.need === null
          ? t(`planner:shortfall.${item.resource}Never`, { have: n(item.have) })
          : t(`planner:shortfall.${item.resource}`, {
              have: n(item.have),
              need: n(item.need),
            });
    }
  };
  return (
    <>
      <h3>{t('planner:shortfall.heading')}</h3>
      <ul className="planner-shortfall">
        {shortfall.map((item) => (
          <li key={item.resource}>{line(item)}</li>
        ))}
      </ul>
    </>
  );
}

/** The days from today to the deadline, each with its sessions and places; the notice's days fixed. */
function Calendar({
  context,
  sessions,
  day,
  onDay,
}: {
  context: PlanContext;
  sessions: readonly PlannedSession[];
  day: string | null;
  onDay: (date: string) => void;
}) {
  const { locale, t, input, engine } = context;
  const curve = engine.progressCurve(input, sessions);
  const count = new Map<string, number>();
  for (const session of sessions) count.set(session.date, (count.get(session.date) ?? 0) + 1);
  return (
    <>
      <h3 id="planner-calendar-heading">{t('planner:calendar.heading')}</h3>
      <p className="hint">{t('planner:calendar.hint')}</p>
      <ol className="planner-calendar" aria-labelledby="planner-calendar-heading">
        {curve.map(({ date, places }) => {
          const fixed = engine.withinNotice(date, input.today);
          return (
            <li key={date} className={fixed ? 'planner-day planner-day-fixed' : 'planner-day'}>
              <button type="button" aria-pressed={day === date} onClick={() => onDay(date)}>
                <span className="planner-day-date">{formatDayLong(locale, date)}</span>
                <span>
                  {t('planner:calendar.sessions', {
                    count: count.get(date) ?? 0,
                  })}
                </span>
                <span>
                  {t('planner:calendar.places', {
                    places: formatNumber(locale, places),
                  })}
                </span>
                {fixed && <span className="planner-day-mark">{t('planner:calendar.fixed')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
