// One sign-up link: its organisation, status, session and count, its share address, and what can
// be done to it (pause, resume, posters, a new coordinator link, revoke, the roster).
import { lazy, Suspense, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { joinUrl } from '../../../domain/signup-link-basics.ts';
import type { LinkRoster as Roster } from '../../../domain/link-roster.ts';
import { locales, type Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate, formatDayLong } from '../../../lib/format.ts';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import type { StaffSession } from '../scope.ts';
import { call, type Call, type LinkCounts, type SignupLinkRow } from './data.ts';
import { failureText, networkFailure } from '../calls.ts';
import { LinkBox } from './LinkBox.tsx';

// Loaded when an officer opens a roster, not with the page.
const LinkRoster = lazy(() => import('../../join/LinkRoster.tsx').then(({ LinkRoster }) => ({ default: LinkRoster })));

interface LinkCardProps {
  locale: Locale;
  t: Translate;
  link: SignupLinkRow;
  counts: LinkCounts;
  session: StaffSession | undefined;
  onChange: () => void;
  onNewCoordinator: (token: string) => void;
}

export function LinkCard({ locale, t, link, counts, session, onChange, onNewCoordinator }: LinkCardProps) {
  const [problem, setProblem] = useState<string>();
  const [roster, setRoster] = useState<Roster>();
  const closed = link.status !== 'revoked' && new Date(link.closes_at) <= new Date();
  const status = closed ? 'closed' : link.status === 'active' && counts.places_left === 0 ? 'full' : link.status;

  async function run<T>(answer: Promise<Call<T>>, after: (data: T) => void) {
    const result = await answer;
    if (!result.ok) return setProblem(result.text);
    setProblem(undefined);
    after(result.data);
  }
  /** A call whose answer's schema loads with it (the page opens without them); a schema that would not load is a failed call. */
  function lazyCall<M, T>(module: Promise<M>, send: (loaded: M) => Promise<Call<T>>): Promise<Call<T>> {
    return module.then(send, (): Call<T> => ({ ok: false, text: failureText(t, networkFailure) }));
  }
  const setStatus = (next: 'active' | 'paused' | 'revoked') =>
    void run(
      lazyCall(import('../../../domain/signup-links.ts'), ({ linkStatusAnswerSchema }) =>
        call(t, 'staff_set_signup_link_status', { p_link_id: link.id, p_status: next }, linkStatusAnswerSchema),
      ),
      onChange,
    );
  const newCoordinator = () =>
    void run(
      lazyCall(import('../../../domain/signup-links.ts'), ({ coordinatorTokenSchema }) => call(t, 'staff_new_coordinator_token', { p_link_id: link.id }, coordinatorTokenSchema)),
      (data) => onNewCoordinator(data.coordinator_token),
    );
  const loadRoster = () =>
    void run(
      lazyCall(import('../../../domain/link-roster.ts'), ({ linkRosterSchema }) => call(t, 'staff_link_roster', { p_link_id: link.id }, linkRosterSchema)),
      setRoster,
    );

  return (
    <li className="staff-session">
      <h3 lang={vietnameseData(locale)}>{link.org_name}</h3>
      <p>
        <strong>{t(`staffLinks:links.status.${status}`)}</strong> · {t(`staffLinks:kind.${link.org_kind}`)}
      </p>
      {session && (
        <p>
          <Interpolated
            t={t}
            name="staffLinks:links.session"
            values={{ date: formatDayLong(locale, session.session_date), site: <span lang={vietnameseData(locale)}>{session.site.name}</span> }}
          />
        </p>
      )}
      <p>
        {t('staffLinks:links.count', { taken: counts.taken, places: link.places, left: counts.places_left })} · {t('staffLinks:links.closes', { date: formatDate(locale, todayInVietnam(new Date(link.closes_at))) })}
      </p>
      {link.status !== 'revoked' && <LinkBox t={t} kind="public" id={`share-${link.id}`} org={link.org_name} url={joinUrl(location.origin, locale, link.share_token)} />}
      <div className="staff-actions" role="group" aria-label={t('staffLinks:actions.label', { org: link.org_name })}>
        {link.status === 'active' && (
          <button type="button" className="button button-secondary" onClick={() => setStatus('paused')}>
            {t('staffLinks:actions.pause')}
          </button>
        )}
        {link.status === 'paused' && (
          <button type="button" className="button button-secondary" onClick={() => setStatus('active')}>
            {t('staffLinks:actions.resume')}
          </button>
        )}
        {link.status !== 'revoked' && (
          <>
            {locales.map((language) => (
              <a key={language} className="button button-secondary" href={localizedPath(language, `staff/links/poster/?link=${link.id}`)} hrefLang={language}>
                {t(`staffLinks:actions.poster.${language}`)}
              </a>
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => window.confirm(t('staffLinks:actions.newCoordinatorConfirm')) && newCoordinator()}
            >
              {t('staffLinks:actions.newCoordinator')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.confirm(t('staffLinks:actions.revokeConfirm', { org: link.org_name })) && setStatus('revoked')}>
              {t('staffLinks:actions.revoke')}
            </button>
          </>
        )}
        <button type="button" className="button button-secondary" aria-expanded={roster !== undefined} onClick={() => (roster ? setRoster(undefined) : loadRoster())}>
          {roster ? t('staffLinks:actions.hideRoster') : t('staffLinks:actions.roster')}
        </button>
      </div>
      <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
      {roster && (
        <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
          <LinkRoster locale={locale} t={t} roster={roster} onRefresh={loadRoster} />
        </Suspense>
      )}
    </li>
  );
}
