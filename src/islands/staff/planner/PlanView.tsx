// The plan of one campaign: opened on the officer's action (the planner's code loads then), its
// totals against the quota, what it lacks in words, the progress curve, a calendar of the days to
// the deadline, a day's sessions as a list and on the map, each editable and lockable; re-plan,
// save and publish.
import type { PlannerAnswer } from '../../../domain/planner-store.ts';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { PlanInput, PlanShortfall, PlannedSession } from '../../../domain/planner/schema.ts';
import type { Locale } from '../../../i18n/config.ts';
import { useRead } from '../../shared/use-read.ts';
import type { Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';
import { loadWardCodes, saveDraft } from './store.ts';

type Engine = typeof import('./plan-engine.ts');

// The plan's views (totals, curve, calendar, a day, publishing) come with the plan, never with the page.
const PlanBody = lazy(() => import('./PlanBody.tsx'));

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
        <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
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
        </Suspense>
      )}
    </section>
  );
}
