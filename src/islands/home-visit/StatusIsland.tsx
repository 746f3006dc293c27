// A home visit's status (/{lang}/home-visit/status/#code=…&t=…): where it stands, the visit's
// date, window and team once scheduled, the history with times, and while not yet scheduled the
// days that suit (changeable) and a cancel; while the visit is ahead, what to prepare at home (the
// page's hidden "prepare" section). Without a network, the code and the status this device last
// read. Another link opened in the same tab shows that request alone.
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { todayInVietnam } from '../../domain/dates.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { activeStatuses, homeVisitViewSchema, isOpenForRequester, type HomeVisitEvent, type HomeVisitView } from '../../domain/home-visit.ts';
import { parseManageLinkHash, type ManageLink } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDate, formatTime } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import { SummaryList } from '../shared/SummaryList.tsx';
import { useFragment } from '../shared/use-fragment.ts';
import { useRead } from '../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { preferredTimes, visitWindow } from './format.ts';
import { saveLink, savedLink } from './links.ts';
import { RequestDetails } from './RequestDetails.tsx';
import { StatusChanges } from './StatusChanges.tsx';

type Loaded = { state: 'loading' } | { state: 'no-link' } | { state: 'failed'; refusal?: Refusal } | { state: 'ready'; view: HomeVisitView };

/** The request as read, kept on this device with its status for the next time the network fails. */
function ready(link: ManageLink, view: HomeVisitView): Loaded {
  saveLink(link, view.status);
  return { state: 'ready', view };
}

async function readStatus(link: ManageLink): Promise<Loaded> {
  const result = await rpc('home_visit_status', { p_code: link.code, p_token: link.token }, homeVisitViewSchema);
  if (result.ok) return ready(link, result.data);
  return { state: 'failed', ...('refusal' in result && { refusal: result.refusal }) };
}

/** A date and time as the page writes them: the day in Vietnam, then the time. */
function dateAndTime(locale: Locale, instant: string): string {
  return `${formatDate(locale, todayInVietnam(new Date(instant)))}, ${formatTime(locale, instant)}`;
}

interface Props {
  locale: Locale;
  messages: Messages;
}

export default function StatusIsland(props: Props) {
  const [fragment] = useFragment();
  return <RequestStatus key={fragment} {...props} fragment={fragment} />;
}

function RequestStatus({ locale, messages, fragment }: Props & { fragment: string }) {
  const t = createTranslator(locale, messages);
  const [link] = useState<ManageLink | null>(() => parseManageLinkHash(fragment));
  const [loaded, setLoaded] = useState<Loaded>(link ? { state: 'loading' } : { state: 'no-link' });

  const read = useMemo(() => (link ? () => readStatus(link) : null), [link]);
  const reread = useRead(read, setLoaded);

  async function load() {
    setLoaded({ state: 'loading' });
    await reread();
  }

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
        ? t('homeVisit:status.network')
        : refusal.code === 'not_found' || refusal.code === 'invalid_code'
          ? t('homeVisit:status.notFound')
          : t(refusalMessage(refusal).key, refusalMessage(refusal).values);
      return (
        <>
          <div className="notice notice-error" role="alert">
            <p>{text}</p>
            {!refusal && (
              <button type="button" className="button button-secondary" onClick={() => void load()}>
                {t('homeVisit:network.retry')}
              </button>
            )}
          </div>
          {!refusal && <KeptOnDevice t={t} locale={locale} link={link!} />}
        </>
      );
    }
    case 'ready':
      return <Status t={t} locale={locale} link={link!} view={loaded.view} onView={(view) => setLoaded(ready(link!, view))} reload={load} newRequest={newRequest} />;
  }
}

/** What the device knows of the request without a network: its code, and the status it last read with this link. */
function KeptOnDevice({ t, locale, link }: { t: Translate; locale: Locale; link: ManageLink }) {
  const kept = savedLink(link.code);
  const known = kept?.token === link.token && kept.status && kept.checkedAt ? { status: kept.status, checkedAt: kept.checkedAt } : undefined;
  return (
    <div className="kept-on-device">
      <p>{t('homeVisit:status.offline')}</p>
      <SummaryList
        rows={[
          { key: t('homeVisit:receipt.code'), value: formatCode(link.code), valueClass: 'ticket-code' },
          known && {
            key: t('homeVisit:status.lastKnown'),
            value: t('homeVisit:status.lastKnownValue', { status: t(`homeVisit:status.${known.status}`), when: dateAndTime(locale, known.checkedAt) }),
          },
        ]}
      />
    </div>
  );
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
  const at = (instant: string) => dateAndTime(locale, instant);
  const eventText = (event: HomeVisitEvent) =>
    event.status === 'scheduled'
      ? t('homeVisit:history.scheduled', { when: visitWindow(t, locale, event) })
      : event.preferred_days && event.preferred_periods
        ? t('homeVisit:history.preferences', { when: preferredTimes(t, event.preferred_days, event.preferred_periods) })
        : t(`homeVisit:history.${event.status}`);
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
          <SummaryList
            rows={[
              { key: t('homeVisit:visit.when'), value: visitWindow(t, locale, view) },
              { key: t('homeVisit:visit.team'), value: view.team_contact },
            ]}
          />
        )}
        {view.outcome_note && <SummaryList rows={[{ key: t('homeVisit:visit.outcome'), value: view.outcome_note }]} />}
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

      <RequestDetails t={t} view={view} />

      {isOpenForRequester(view.status) && <StatusChanges t={t} link={link} view={view} onView={onView} onCancelled={cancelled} />}
      {!isOpenForRequester(view.status) && view.status !== 'scheduled' && newRequest}
    </div>
  );
}
