// Organisations in the staff console (/{lang}/staff/links/): the requests of schools, enterprises
// and agencies of the officer's scope; sign-up links for sessions of the scope (make, share, pause,
// resume, revoke, a new coordinator link, the roster, the printable poster).
import { lazy, Suspense, useCallback, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { coordinatorUrl, joinUrl } from '../../../domain/signup-link-basics.ts';
import type { Locale } from '../../../i18n/config.ts';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope, loadSessions, type StaffSession } from '../scope.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import type { NewLinks } from './CreatedLinks.tsx';
import { loadLinks, loadRequests, type LinkCounts, type OrganisationRequestRow, type SignupLinkRow } from './data.ts';
import { LinkCard } from './LinkCard.tsx';
import { NewLinkForm } from './NewLinkForm.tsx';
import { OrganisationRequests } from './OrganisationRequests.tsx';

// What a new link shows once, after it is made.
const CreatedLinks = lazy(() => import('./CreatedLinks.tsx').then(({ CreatedLinks }) => ({ default: CreatedLinks })));

interface Props {
  locale: Locale;
  messages: Messages;
}

export default function LinksIsland({ locale, messages }: Props) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <LinksConsole locale={locale} t={t} staff={staff} />
        </>
      )}
    </StaffGate>
  );
}

interface Data {
  sessions: StaffSession[];
  links: SignupLinkRow[];
  counts: Map<number, LinkCounts>;
  requests: OrganisationRequestRow[];
}

async function readData(unit: StaffMember['unit']): Promise<Data | 'error'> {
  try {
    const today = todayInVietnam();
    const { wards } = await loadScope(unit);
    const [sessions, { links, counts }, requests] = await Promise.all([loadSessions(wards.map((ward) => ward.id), today), loadLinks(), loadRequests()]);
    return { sessions, links, counts, requests };
  } catch {
    return 'error';
  }
}

function LinksConsole({ locale, t, staff }: { locale: Locale; t: Translate; staff: StaffMember }) {
  const [data, setData] = useState<Data | 'error'>();
  const [created, setCreated] = useState<NewLinks>();

  const read = useCallback(() => readData(staff.unit), [staff.unit]);
  const load = useRead(read, setData);

  if (data === 'error') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (!data) return <p role="status">{t('staff:loading')}</p>;
  const sessionsById = new Map(data.sessions.map((session) => [session.id, session]));

  return (
    <>
      <OrganisationRequests locale={locale} t={t} requests={data.requests} onChange={() => void load()} />
      <NewLinkForm
        locale={locale}
        t={t}
        sessions={data.sessions.filter((session) => !session.cancelled_at && session.session_date >= todayInVietnam())}
        onCreated={(org, shareToken, coordinatorToken) => {
          setCreated({ org, share: joinUrl(location.origin, locale, shareToken), coordinator: coordinatorUrl(location.origin, locale, coordinatorToken) });
          void load();
        }}
      />
      {created && (
        <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
          <CreatedLinks t={t} links={created} onClose={() => setCreated(undefined)} />
        </Suspense>
      )}
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">{t('staffLinks:links.heading')}</h2>
        {data.links.length === 0 ? (
          <p>{t('staffLinks:links.empty')}</p>
        ) : (
          <ul className="staff-sessions">
            {data.links.map((link) => (
              <LinkCard
                key={link.id}
                locale={locale}
                t={t}
                link={link}
                counts={data.counts.get(link.id) ?? { taken: 0, places_left: 0 }}
                session={sessionsById.get(link.session_id)}
                onChange={() => void load()}
                onNewCoordinator={(token) => setCreated({ org: link.org_name, share: joinUrl(location.origin, locale, link.share_token), coordinator: coordinatorUrl(location.origin, locale, token) })}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
