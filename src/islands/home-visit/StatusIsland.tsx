// A home visit's status (/{lang}/home-visit/status/#code=…&t=…): where it stands, the visit's
// date, window and team once scheduled, the history with times, and while not yet scheduled the
// days that suit (changeable) and a cancel; while the visit is ahead, what to prepare at home (the
// page's hidden "prepare" section).
import { useEffect, useRef, useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { todayInVietnam } from '../../domain/dates.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { activeStatuses, homeVisitViewSchema, isOpenForRequester, preferencesSchema, rejectedFieldMessage, type HomeVisitEvent, type HomeVisitView } from '../../domain/home-visit.ts';
import { parseManageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDate, formatTime } from '../../lib/format.ts';
import { rpc, type RpcResult } from '../../lib/public-api.ts';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { preferredTimes, visitWindow } from './format.ts';
import { PreferenceFields } from './PreferenceFields.tsx';

type Loaded = { state: 'loading' } | { state: 'no-link' } | { state: 'failed'; refusal?: Refusal } | { state: 'ready'; view: HomeVisitView };

export default function StatusIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [link] = useState<ManageLink | null>(() => parseManageLinkHash(location.hash));
  const [loaded, setLoaded] = useState<Loaded>(link ? { state: 'loading' } : { state: 'no-link' });

  async function load() {
    if (!link) return;
    setLoaded({ state: 'loading' });
    const result = await rpc('home_visit_status', { p_code: link.code, p_token: link.token }, homeVisitViewSchema);
    if (result.ok) setLoaded({ state: 'ready', view: result.data });
    else setLoaded({ state: 'failed', ...('refusal' in result && { refusal: result.refusal }) });
  }

  useEffect(() => {
    void load();
  }, []);

  const newRequest = (
    <p>
      <a href={localizedPath(locale, 'home-visit')}>{t('homeVisit:status.newRequest')}</a>
    </p>
  );
  switch (loaded.state) {
    case 'loading':
      return <p role="status">{t('homeVisit:status.loading')}</p>;
    case 'no-link':
      return (
        <>
          <p className="notice">{t('homeVisit:status.noLink')}</p>
          {newRequest}
        </>
      );
    case 'failed': {
      const refusal = loaded.refusal;
      const text = !refusal
        ? t('errors:network')
        : refusal.code === 'not_found' || refusal.code === 'invalid_code'
          ? t('homeVisit:status.notFound')
          : t(refusalMessage(refusal).key, refusalMessage(refusal).values);
      return (
        <div className="notice notice-error" role="alert">
          <p>{text}</p>
          {!refusal && (
            <button type="button" className="button button-secondary" onClick={() => void load()}>
              {t('homeVisit:network.retry')}
            </button>
          )}
        </div>
      );
    }
    case 'ready':
      return <Status t={t} locale={locale} link={link!} view={loaded.view} onView={(view) => setLoaded({ state: 'ready', view })} reload={load} newRequest={newRequest} />;
  }
}

interface StatusProps {
  t: Translate;
  locale: Locale;
  link: ManageLink;
  view: HomeVisitView;
  onView: (view: HomeVisitView) => void;
  reload: () => Promise<void>;
  newRequest: React.ReactNode;
}

function Status({ t, locale, link, view, onView, reload, newRequest }: StatusProps) {
  const [announced, setAnnounced] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const visitAhead = activeStatuses.includes(view.status);
  useEffect(() => {
    const prepare = document.getElementById('home-visit-prepare');
    if (prepare) prepare.hidden = !visitAhead;
  }, [visitAhead]);
  const at = (instant: string) => `${formatDate(locale, todayInVietnam(new Date(instant)))}, ${formatTime(locale, instant)}`;
  const eventText = (event: HomeVisitEvent) =>
    event.status === 'scheduled'
      ? t('homeVisit:history.scheduled', { when: visitWindow(t, locale, event) })
      : event.preferred_days && event.preferred_periods
        ? t('homeVisit:history.preferences', { when: preferredTimes(t, event.preferred_days, event.preferred_periods) })
        : t(`homeVisit:history.${event.status}`);
  const address = [view.street_address, view.ward, view.district, view.province].filter(Boolean).join(', ');
  const needs = view.needs.map((need) => (need === 'ethnic_language' && view.ethnic_language ? `${t(`homeVisit:needs.${need}`)} (${view.ethnic_language})` : t(`homeVisit:needs.${need}`)));
  // The Changes section unmounts once the request is cancelled: the news and the focus go here.
  function cancelled(next: HomeVisitView) {
    onView(next);
    setAnnounced(t('homeVisit:cancel.done'));
    headingRef.current?.focus();
  }
  return (
    <div className="home-visit-status">
      <div aria-live="polite">{announced && <p className="notice">{announced}</p>}</div>
      <section aria-labelledby="status-heading" className={`status-box status-${view.status}`}>
        <h2 id="status-heading" tabIndex={-1} ref={headingRef}>
          {t('homeVisit:status.now')}: <span className="status-label">{t(`homeVisit:status.${view.status}`)}</span>
        </h2>
        <p>{t(`homeVisit:explain.${view.status}`)}</p>
        {view.scheduled_on && view.status !== 'could_not' && (
          <dl className="summary-list">
            <div>
              <dt>{t('homeVisit:visit.when')}</dt>
              <dd>{visitWindow(t, locale, view)}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:visit.team')}</dt>
              <dd>{view.team_contact}</dd>
            </div>
          </dl>
        )}
        {view.outcome_note && (
          <dl className="summary-list">
            <div>
              <dt>{t('homeVisit:visit.outcome')}</dt>
              <dd>{view.outcome_note}</dd>
            </div>
          </dl>
        )}
        <button type="button" className="button-link" onClick={() => void reload()}>
          {t('homeVisit:status.refresh')}
        </button>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('homeVisit:history.heading')}</h2>
        <ol className="history">
          {view.history.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{at(event.at)}</time>: {eventText(event)}
              {event.note && <p className="hint">{event.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('homeVisit:details.heading')}</h2>
        {view.purged ? (
          <p>
            {t('homeVisit:details.code')}: <span className="ticket-code">{formatCode(view.code)}</span>. {t('homeVisit:details.purged')}
          </p>
        ) : (
          <dl className="summary-list">
            <div>
              <dt>{t('homeVisit:details.code')}</dt>
              <dd className="ticket-code">{formatCode(view.code)}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.person')}</dt>
              <dd>{view.full_name}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.reason')}</dt>
              <dd>{view.reason === 'other' ? view.reason_other : t(`homeVisit:reason.${view.reason}`)}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.address')}</dt>
              <dd>
                {address}
                {view.landmark && <br />}
                {view.landmark}
              </dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.needs')}</dt>
              <dd>{needs.length ? needs.join(', ') : t('homeVisit:details.needsNone')}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.preferred')}</dt>
              <dd>{preferredTimes(t, view.preferred_days, view.preferred_periods)}</dd>
            </div>
            <div>
              <dt>{t('homeVisit:details.requester')}</dt>
              <dd>
                {view.requester_name} · {view.phone_masked}
              </dd>
            </div>
          </dl>
        )}
      </section>

      {isOpenForRequester(view.status) && <Changes t={t} link={link} view={view} onView={onView} onCancelled={cancelled} />}
      {!isOpenForRequester(view.status) && view.status !== 'scheduled' && newRequest}
    </div>
  );
}

interface ChangesProps {
  t: Translate;
  link: ManageLink;
  view: HomeVisitView;
  onView: (view: HomeVisitView) => void;
  onCancelled: (view: HomeVisitView) => void;
}

/** While not yet scheduled: change the days that suit, or cancel. */
function Changes({ t, link, view, onView, onCancelled }: ChangesProps) {
  const [days, setDays] = useState(view.preferred_days.map(String));
  const [periods, setPeriods] = useState<string[]>(view.preferred_periods);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));

  async function call(run: () => Promise<RpcResult<HomeVisitView>>, after: 'saved' | 'cancelled') {
    setBusy(true);
    setProblem(undefined);
    const result = await run();
    setBusy(false);
    if (result.ok) {
      const next = result.data;
      if (after === 'cancelled') return onCancelled(next);
      setSaved(true);
      onView(next);
    } else if ('network' in result) setProblem(t('homeVisit:network.failed'));
    else {
      const rejected = rejectedFieldMessage(result.refusal, 'request');
      setProblem(rejected ? t(rejected) : t(refusalMessage(result.refusal).key, refusalMessage(result.refusal).values));
    }
  }

  function save(event: { preventDefault(): void }) {
    event.preventDefault();
    const parsed = preferencesSchema.safeParse({ preferred_days: days, preferred_periods: periods });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: t(issue.message) })));
      return;
    }
    setErrors([]);
    void call(
      () => rpc('change_home_visit', { p_code: link.code, p_token: link.token, p_preferred_days: parsed.data.preferred_days, p_preferred_periods: parsed.data.preferred_periods }, homeVisitViewSchema),
      'saved',
    );
  }

  return (
    <>
      <section aria-labelledby="change-heading">
        <h2 id="change-heading">{t('homeVisit:change.heading')}</h2>
        <form noValidate onSubmit={save}>
          <ErrorSummary title={t('homeVisit:errors.title')} errors={errors} />
          <PreferenceFields t={t} days={days} chosenPeriods={periods} errors={fieldErrors}
            onChange={(change) => {
              if (change.days) setDays(change.days);
              if (change.periods) setPeriods(change.periods);
            }} />
          <button type="submit" className="button" disabled={busy}>
            {t('homeVisit:change.submit')}
          </button>
        </form>
      </section>
      <div aria-live="polite">
        {saved && <p className="notice">{t('homeVisit:change.saved')}</p>}
        {problem && <p className="notice notice-error">{problem}</p>}
      </div>
      <section aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t('homeVisit:cancel.heading')}</h2>
        <p>{t('homeVisit:cancel.lead')}</p>
        {asking ? (
          <div className="notice notice-warning">
            <p>{t('homeVisit:cancel.question', { name: view.full_name ?? '' })}</p>
            <div className="button-row">
              <button type="button" className="button button-danger" disabled={busy}
                onClick={() => void call(() => rpc('cancel_home_visit', { p_code: link.code, p_token: link.token }, homeVisitViewSchema), 'cancelled')}>
                {t('homeVisit:cancel.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
                {t('homeVisit:cancel.keep')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
            {t('homeVisit:cancel.submit')}
          </button>
        )}
      </section>
    </>
  );
}
