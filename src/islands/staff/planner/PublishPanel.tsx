// Publishing the plan: a confirmation that says how many sessions and on which dates, then the
// draft saved (when it has changes) and published all at once (staff_publish_plan); the sessions
// then show as published, and the notices of their communes are a link away.
import { useRef, useState } from 'react';
import type { PlannedSession } from '../../../domain/planner/schema.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate } from '../../../lib/format.ts';
import { failureText } from '../calls.ts';
import type { PlanContext } from './PlanView.tsx';
import { publishDraft } from './store.ts';

interface Props {
  context: PlanContext;
  sessions: PlannedSession[];
  dirty: boolean;
  onSave: () => Promise<boolean>;
  onPublished: () => Promise<void>;
  say: (kind: 'success' | 'error' | 'warning', text: string) => void;
}

export function PublishPanel({ context, sessions, dirty, onSave, onPublished, say }: Props) {
  const { locale, t, answer, engine } = context;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const summary = engine.publishSummary(sessions);
  const dates = summary.dates.map((date) => formatDate(locale, date)).join(', ');

  async function publish() {
    setBusy(true);
    if (dirty && !(await onSave())) return setBusy(false);
    const result = await publishDraft(answer.campaign.id);
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return say('error', failureText(t, result));
    const { published, first_date: first, last_date: last } = result.data;
    say('success', first && last ? t('planner:publish.done', { count: published, first: formatDate(locale, first), last: formatDate(locale, last) }) : t('planner:publish.doneNone'));
    await onPublished();
  }

  return (
    <section aria-labelledby="planner-publish-heading">
      <h3 id="planner-publish-heading">{t('planner:publish.heading')}</h3>
      <p>{t('planner:publish.intro')}</p>
      {summary.sessions === 0 ? (
        <p>{t('planner:publish.nothing')}</p>
      ) : confirming ? (
        <div ref={confirmRef} tabIndex={-1} className="notice notice-warning" role="group" aria-labelledby="planner-publish-confirm">
          <p id="planner-publish-confirm">{t('planner:publish.confirm', { count: summary.sessions, dates })}</p>
          <div className="staff-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void publish()}>
              {t('planner:publish.yes', { count: summary.sessions })}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('planner:publish.no')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          {t('planner:publish.button', { count: summary.sessions })}
        </button>
      )}
      <div className="staff-actions">
        <a href={localizedPath(locale, 'staff/notice')}>{t('planner:publish.notices')}</a>
      </div>
    </section>
  );
}
