// The sessions of the officer's scope (/{lang}/staff/sessions/): the list, upcoming first, the
// form that creates a new one, and the sites they are held at.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { todayInVietnam } from '../../domain/dates.ts';
import { sortSessions } from '../../domain/staff-sessions.ts';
import type { Locale } from '../../i18n/config.ts';
import { useRead } from '../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { CreateSession } from './CreateSession.tsx';
import { SessionCard } from './SessionCard.tsx';
import { SitesSection } from './SitesSection.tsx';
import { loadScope, loadSessions, loadSites, type Scope, type Site, type StaffSession } from './scope.ts';
import { StaffGate, StaffNav } from './StaffGate.tsx';
import type { StaffMember } from './use-staff.ts';

export default function SessionsIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <Sessions locale={locale} t={t} staff={staff} />
        </>
      )}
    </StaffGate>
  );
}

function Sessions({ locale, t, staff }: { locale: Locale; t: Translate; staff: StaffMember }) {
  const today = todayInVietnam();
  const [scope, setScope] = useState<Scope>();
  const [sites, setSites] = useState<Site[]>([]);
  const [sessions, setSessions] = useState<StaffSession[]>();
  const [failed, setFailed] = useState(false);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const wardIds = useMemo(() => scope?.wards.map((w) => w.id), [scope]);

  useEffect(() => {
    loadScope(staff.unit).then(setScope, () => setFailed(true));
  }, [staff.unit]);

  // A read that failed answers null: the console shows the load error instead.
  const readSessions = useMemo(() => (wardIds ? () => loadSessions(wardIds, today).then((rows) => sortSessions(rows, today)).catch(() => null) : null), [wardIds, today]);
  const readSites = useMemo(() => (wardIds ? () => loadSites(wardIds).catch(() => null) : null), [wardIds]);
  const showSessions = useCallback((rows: StaffSession[] | null) => (rows ? setSessions(rows) : setFailed(true)), []);
  const showSites = useCallback((rows: Site[] | null) => (rows ? setSites(rows) : setFailed(true)), []);
  const reloadSessions = useRead(readSessions, showSessions);
  const reloadSites = useRead(readSites, showSites);

  if (failed) return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (!scope || !sessions) return <p role="status">{t('staff:loading')}</p>;
  const wardName = new Map(scope.wards.map((w) => [w.id, w.name]));

  return (
    <>
      <div role="status">{saved && <p className="notice">{t('staff:create.saved')}</p>}</div>
      {creating ? (
        <CreateSession
          locale={locale}
          t={t}
          today={today}
          wards={scope.wards}
          unitSet={staff.unit.unit_set}
          sites={sites}
          campaigns={scope.campaigns}
          onSiteAdded={reloadSites}
          onSaved={async () => {
            await reloadSessions();
            setCreating(false);
            setSaved(true);
          }}
          onClose={() => {
            setCreating(false);
            setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      ) : (
        <button type="button" className="button" ref={newButton} onClick={() => { setCreating(true); setSaved(false); }}>
          {t('staff:sessions.new')}
        </button>
      )}
      <h2>{t('staff:sessions.listHeading')}</h2>
      {sessions.length === 0 ? (
        <p>{t('staff:sessions.empty')}</p>
      ) : (
        <ul className="staff-sessions">
          {sessions.map((session) => (
            <SessionCard key={session.id} locale={locale} t={t} session={session} wardName={wardName.get(session.site.ward_id)} today={today} onChanged={reloadSessions} />
          ))}
        </ul>
      )}
      {/* The cards show their site's name and address: an edited site refreshes them too. */}
      <SitesSection
        locale={locale}
        t={t}
        sites={sites}
        wards={scope.wards}
        unitSet={staff.unit.unit_set}
        onSaved={async () => {
          await Promise.all([reloadSites(), reloadSessions()]);
        }}
      />
    </>
  );
}
