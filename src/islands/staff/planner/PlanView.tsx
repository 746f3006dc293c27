// The plan of one campaign: opened on the officer's action (the planner's code loads then), its
// totals against the quota, what it lacks in words, the progress curve, a calendar of the days to
// the deadline, a day's sessions as a list and on the map, each editable and lockable; re-plan,
// save and publish.
import type { PlannerAnswer } from '../../../domain/planner-store.ts';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { PlanInput, PlanShortfall, PlannedSession } from '../../../domain/planner/schema.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate, formatDayLong, formatNumber } from '../../../lib/format.ts';
import { useRead } from '../../shared/use-read.ts';
import type { Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';
import { DaySessions } from './DaySessions.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { loadWardCodes, saveDraft } from './store.ts';

type Engine = typeof import('./plan-engine.ts');

// The curve comes with the plan, never with the page.
const PlanCurve = lazy(() => import('./curve/PlanCurve.tsx'));

export interface Plan {
  sessions: PlannedSession[];
  /** What the last run of the planner found missing; null for a plan only read back. */
  shortfall: PlanShortfall[] | null;
}

export interface PlanContext {
  locale: Locale;
  t: Translate;
  answer: PlannerAnswer;
  input: PlanInput;
  engine: Engine;
}

interface Props {
  locale: Locale;
  t: Translate;
  answer: PlannerAnswer;
  onChanged: () => Promise<void>;
}

export function PlanView({ locale, t, answer, onChanged }: Props) {
  const [engine, setEngine] = useState<Engine | null>(null);
  // The officer's plan while it differs from the saved one; null: the saved plan is shown (after a save, a publish, a new setup).
  const [edited, setEdited] = useState<PlannedSession[] | null>(null);
  // What the last run of the planner found missing; undefined until the plan is open.
  const [shortfall, setShortfall] = useState<PlanShortfall[] | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const input = engine?.inputFromStore(answer, answer.today) ?? null;
  const plan: Plan | null = engine && input && shortfall !== undefined ? { sessions: edited ?? engine.savedSessions(answer, input), shortfall } : null;
  const dirty = edited !== null;
  const [wardCodes, setWardCodes] = useState<ReadonlyMap<number, string>>(new Map());
  const opened = engine !== null;
  const readWards = useCallback(() => loadWardCodes(answer.sites.map((site) => site.ward_id)), [answer.sites]);
  useRead(opened ? readWards : null, setWardCodes);

  const say = (kind: 'success' | 'error' | 'warning', text: string) => {
    setNotice({ kind, text });
    // After React draws it.
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  async function open(run: boolean) {
    setBusy(true);
    const loaded = engine ?? (await import('./plan-engine.ts').catch(() => null));
    setBusy(false);
    if (!loaded) return say('error', t('errors:network'));
    setEngine(loaded);
    const built = loaded.inputFromStore(answer, answer.today);
    if (!run) return setShortfall(null);
    const output = loaded.replan(built, plan?.sessions ?? loaded.savedSessions(answer, built));
    setEdited(output.sessions);
    setShortfall(output.shortfall);
    say(output.totals.met ? 'success' : 'warning', t(output.totals.met ? 'planner:plan.met' : 'planner:plan.short'));
  }

  async function save(): Promise<boolean> {
    if (!plan) return false;
    setBusy(true);
    const result = await saveDraft(answer, plan.sessions);
    setBusy(false);
    if (!result.ok) {
      say('error', failureText(t, result));
      return false;
    }
    say('success', t('planner:save.saved', { count: result.data.saved }));
    await onChanged();
    setEdited(null);
    return true;
  }

  const hasSaved = answer.draft.length > 0 || answer.published.length > 0;
  return (
    <section aria-labelledby="planner-plan-heading" className="planner-plan">
      <h2 id="planner-plan-heading">{t('planner:plan.heading')}</h2>
      <p>{t('planner:plan.intro')}</p>
      <div className="staff-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void open(true)}>
          {t(plan ? 'planner:plan.replan' : 'planner:plan.run')}
        </button>
        {!plan && hasSaved && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void open(false)}>
            {t('planner:plan.showSaved')}
          </button>
        )}
      </div>
      {plan && <p className="hint">{t('planner:plan.replanHint')}</p>}
      <div ref={noticeRef} tabIndex={-1} aria-live="polite">
        {notice && <p className={`notice notice-${notice.kind}`}>{notice.text}</p>}
      </div>
      {engine && input && plan && (
        <PlanBody
          context={{ locale, t, answer, input, engine }}
          plan={plan}
          wardCodes={wardCodes}
          dirty={dirty}
          busy={busy}
          onEdit={setEdited}
          onSave={save}
          onPublished={onChanged}
          say={say}
        />
      )}
    </section>
  );
}

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

function PlanBody({ context, plan, wardCodes, dirty, busy, onEdit, onSave, onPublished, say }: BodyProps) {
  const { locale, t, answer, input, engine } = context;
  const curve = engine.progressCurve(input, plan.sessions);
  const planned = curve.at(-1)?.cumulative ?? 0;
  const [day, setDay] = useState<string | null>(null);
  const n = (value: number) => formatNumber(locale, value);
  return (
    <>
      <h3>{t('planner:totals.heading')}</h3>
      <p>{t('planner:totals.planned', { planned: n(planned), quota: n(input.quota), sessions: n(plan.sessions.length) })}</p>
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
        return t('planner:shortfall.sites', { units: item.units.map(unitName).join(', ') });
      case 'people':
        return t('planner:shortfall.people', { have: n(item.have), need: n(item.need) });
      case 'machines and teams':
        return item.need === null
          ? t('planner:shortfall.bothNever')
          : t('planner:shortfall.both', { machines: n(item.need.machines), teams: n(item.need.teams), haveMachines: n(item.have.machines), haveTeams: n(item.have.teams) });
      case 'days':
        return item.need === null || item.deadline === null
          ? t('planner:shortfall.daysNever', { have: n(item.have) })
          : t('planner:shortfall.days', { have: n(item.have), need: n(item.need), deadline: formatDate(locale, item.deadline) });
      default:
        return item.need === null
          ? t(`planner:shortfall.${item.resource}Never`, { have: n(item.have) })
          : t(`planner:shortfall.${item.resource}`, { have: n(item.have), need: n(item.need) });
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
function Calendar({ context, sessions, day, onDay }: { context: PlanContext; sessions: readonly PlannedSession[]; day: string | null; onDay: (date: string) => void }) {
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
                <span>{t('planner:calendar.sessions', { count: count.get(date) ?? 0 })}</span>
                <span>{t('planner:calendar.places', { places: formatNumber(locale, places) })}</span>
                {fixed && <span className="planner-day-mark">{t('planner:calendar.fixed')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
