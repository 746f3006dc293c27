// One day of the plan: its sessions as a list and on the map; each not yet published can be edited,
// locked or removed, and the whole day locked; a published one links to its commune's notice.
import { lazy, Suspense, useState } from 'react';
import type { EditResult, SessionKey } from '../../../domain/planner/edit.ts';
import { isNear } from '../../../domain/near.ts';
import type { PlannedSession } from '../../../domain/planner/schema.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDayLong, formatNumber } from '../../../lib/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { PlanContext } from './PlanView.tsx';
import { SessionEditor } from './SessionEditor.tsx';

// The day's map and its list come with the plan, never with the page.
const PlanMap = lazy(() => import('./map/PlanMap.tsx'));

interface Props {
  context: PlanContext;
  date: string;
  sessions: PlannedSession[];
  /** Ward codes by ward id, for the links to the commune notices. */
  wardCodes: ReadonlyMap<number, string>;
  onEdit: (sessions: PlannedSession[]) => void;
  say: (kind: 'success' | 'error' | 'warning', text: string) => void;
}

/** The words of a session's status. */
export const sourceKey = { published: 'planner:session.published', locked: 'planner:session.locked', planned: 'planner:session.planned' } as const;

export function DaySessions({ context, date, sessions, wardCodes, onEdit, say }: Props) {
  const { locale, t, answer, input, engine } = context;
  const [editing, setEditing] = useState<SessionKey | null>(null);
  const ofDay = sessions.filter((session) => session.date === date);
  const site = (id: string) => answer.sites.find((each) => String(each.id) === id);
  const machine = (id: string | undefined) => answer.machines.find((each) => String(each.id) === id)?.label;
  const team = (id: string | undefined) => answer.teams.find((each) => String(each.id) === id)?.name;
  const editable = engine.editableDay(date, { today: input.today, deadline: input.deadline });
  const lang = vietnameseData(locale);
  // One point per base: teams that leave from the same station share it.
  const bases = [
    ...new Map(answer.teams.map((each) => [`${each.base_name} ${each.base_lat} ${each.base_lng}`, { id: String(each.id), name: each.base_name, lat: each.base_lat, lng: each.base_lng }])).values(),
  ];
  const apply = (result: EditResult) => {
    if (result.ok) onEdit(result.sessions);
    else say('error', t(`planner:edit.refused.${result.reason}`));
    return result.ok;
  };
  return (
    <section aria-labelledby="planner-day-heading" className="planner-dayview">
      <h3 id="planner-day-heading" tabIndex={-1}>
        {t('planner:day.heading', { date: formatDayLong(locale, date) })}
      </h3>
      {!editable && <p className="hint">{t('planner:day.fixed')}</p>}
      {editable && ofDay.some((session) => session.source !== 'published') && (
        <div className="staff-actions">
          <button type="button" className="button button-secondary" onClick={() => onEdit(engine.setDayLocked(sessions, date, true))}>
            {t('planner:day.lock')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onEdit(engine.setDayLocked(sessions, date, false))}>
            {t('planner:day.unlock')}
          </button>
        </div>
      )}

      <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
        <PlanMap
          sites={ofDay.flatMap((session) => {
            const about = site(session.siteId);
            return about
              ? [{ id: session.siteId, name: about.name, lat: about.lat, lng: about.lng, near: bases.some((base) => isNear(about, base)), places: engine.sessionPlaces(session), selected: editing?.siteId === session.siteId }]
              : [];
          })}
          bases={bases}
          onSelectSite={(siteId) => {
            setEditing({ date, siteId });
            // The chosen session's form, once drawn.
            setTimeout(() => document.getElementById(`planner-edit-${date}-${siteId}-site`)?.focus(), 0);
          }}
          label={t('planner:day.map', { date: formatDayLong(locale, date) })}
          locale={locale}
          t={t}
        />
      </Suspense>

      {ofDay.length === 0 ? (
        <p>{t('planner:day.none')}</p>
      ) : (
        <ul className="staff-sessions">
          {ofDay.map((session) => {
            const about = site(session.siteId);
            const name = about?.name ?? session.siteId;
            const key = { date: session.date, siteId: session.siteId };
            const open = editing?.siteId === session.siteId;
            const ward = about ? wardCodes.get(about.ward_id) : undefined;
            // A draft made on the sessions page: kept by the plan, published there, on no notice yet.
            const consoleDraft = answer.published.some((made) => !made.published && made.date === session.date && String(made.site_id) === session.siteId);
            return (
              <li key={session.siteId} className="staff-session">
                <h4>
                  <span lang={lang}>{name}</span>{' '}
                  <span className={`staff-badge planner-badge-${session.source}`}>{t(consoleDraft ? 'planner:session.consoleDraft' : sourceKey[session.source])}</span>
                </h4>
                <p>{t('planner:session.machine', { machine: machine(session.machineId) ?? t('planner:session.none') })}</p>
                <ul className="staff-shifts">
                  {session.shifts.map((shift) => (
                    <li key={shift.shift}>
                      {t('planner:session.shift', {
                        shift: t(`planner:shift.${shift.shift}`),
                        team: team(shift.teamId) ?? t('planner:session.none'),
                        places: formatNumber(locale, shift.places),
                      })}
                    </li>
                  ))}
                </ul>
                {consoleDraft ? (
                  <p className="hint">{t('planner:session.consoleDraftHint')}</p>
                ) : session.source === 'published' ? (
                  ward && (
                    <p>
                      <a href={localizedPath(locale, `staff/notice?ward=${ward}`)}>{t('planner:session.notice', { site: name })}</a>
                    </p>
                  )
                ) : (
                  <div className="staff-actions">
                    <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setEditing(open ? null : key)}>
                      {t('planner:session.edit', { site: name })}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => apply(engine.setLocked(sessions, key, session.source !== 'locked'))}>
                      {t(session.source === 'locked' ? 'planner:session.unlock' : 'planner:session.lock', { site: name })}
                    </button>
                    <button type="button" className="button-link" onClick={() => apply(engine.removeSession(sessions, key))}>
                      {t('planner:session.remove', { site: name })}
                    </button>
                  </div>
                )}
                {open && (
                  <SessionEditor
                    context={context}
                    session={session}
                    sessions={sessions}
                    onDone={(result) => {
                      if (apply(result)) setEditing(null);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
