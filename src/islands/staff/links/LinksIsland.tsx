// Organisations in the staff console (/{lang}/staff/links/): the requests of schools, enterprises
// and agencies of the officer's scope; sign-up links for sessions of the scope (make, share, pause,
// resume, revoke, a new coordinator link, the roster, the printable poster).
import { useCallback, useEffect, useRef, useState } from 'react';
import { addDays, todayInVietnam } from '../../../domain/dates.ts';
import {
  coordinatorTokenSchema,
  coordinatorUrl,
  createdLinkSchema,
  defaultClosingDay,
  joinUrl,
  linkStatusAnswerSchema,
  organisationKinds,
  signupLinkSchemaFor,
  toCreateLinkArgs,
} from '../../../domain/signup-links.ts';
import { linkRosterSchema, type LinkRoster as Roster } from '../../../domain/link-roster.ts';
import { locales, type Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate, formatDayLong } from '../../../lib/format.ts';
import { LinkRoster } from '../../join/LinkRoster.tsx';
import { Radios } from '../../shared/Choices.tsx';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { Field } from '../../shared/Field.tsx';
import { fieldErrorsOf } from '../../shared/form-errors.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope, loadSessions, type StaffSession } from '../scope.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { call, loadLinks, loadRequests, markRequestHandled, type Call, type LinkCounts, type OrganisationRequestRow, type SignupLinkRow } from './data.ts';

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
  const [created, setCreated] = useState<{ org: string; share: string; coordinator: string }>();
  const createdRef = useRef<HTMLElement>(null);

  // Focus moves to the new links once, when they are made, not on every later re-render.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const read = useCallback(() => readData(staff.unit), [staff.unit]);
  const load = useRead(read, setData);

  if (data === 'error') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (!data) return <p role="status">{t('staff:loading')}</p>;
  const sessionsById = new Map(data.sessions.map((session) => [session.id, session]));

  return (
    <>
      <Requests locale={locale} t={t} requests={data.requests} onChange={() => void load()} />
      <CreateLink
        locale={locale}
        t={t}
        sessions={data.sessions.filter((session) => !session.cancelled_at && session.session_date >= todayInVietnam())}
        onCreated={(org, shareToken, coordinatorToken) => {
          setCreated({ org, share: joinUrl(location.origin, locale, shareToken), coordinator: coordinatorUrl(location.origin, locale, coordinatorToken) });
          void load();
        }}
      />
      {created && (
        <section className="notice" aria-labelledby="created-heading" tabIndex={-1} ref={createdRef}>
          <h2 id="created-heading">{t('staffLinks:created.heading', { org: created.org })}</h2>
          <UrlField id="created-share" label={t('staffLinks:created.share')} copyLabel={t('staffLinks:actions.copy')} url={created.share} t={t} />
          <p className="notice notice-warning">{t('staffLinks:created.coordinatorWarning')}</p>
          <UrlField id="created-coordinator" label={t('staffLinks:created.coordinator')} copyLabel={t('staffLinks:actions.copyCoordinator')} url={created.coordinator} t={t} />
          <button type="button" className="button button-secondary" onClick={() => setCreated(undefined)}>
            {t('staffLinks:created.close')}
          </button>
        </section>
      )}
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">{t('staffLinks:links.heading')}</h2>
        {data.links.length === 0 ? (
          <p>{t('staffLinks:links.empty')}</p>
        ) : (
          <ul className="staff-sessions">
            {data.links.map((link) => (
              <LinkItem
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

function Requests({ locale, t, requests, onChange }: { locale: Locale; t: Translate; requests: OrganisationRequestRow[]; onChange: () => void }) {
  const waiting = requests.filter((request) => request.status === 'new');
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('staffLinks:requests.heading')}</h2>
      {waiting.length === 0 ? (
        <p>{t('staffLinks:requests.empty')}</p>
      ) : (
        <ul className="staff-sessions">
          {waiting.map((request) => (
            <li key={request.id} className="staff-session">
              <h3>{request.name}</h3>
              <p>
                {t(`staffLinks:kind.${request.kind}`)} · {t('staffLinks:requests.people', { count: request.expected_people })}
              </p>
              <p>{request.address}</p>
              <p>{t('staffLinks:requests.dates', { from: formatDate(locale, request.preferred_from), to: formatDate(locale, request.preferred_to) })}</p>
              <p>
                {t('staffLinks:requests.contact', { name: request.contact_name ?? '', phone: request.contact_phone ?? '' })}
                {request.contact_email && (
                  <>
                    {' · '}
                    <a href={`mailto:${request.contact_email}`}>{request.contact_email}</a>
                  </>
                )}
              </p>
              {request.notes && <p className="hint">{request.notes}</p>}
              <p className="hint">{t('staffLinks:requests.received', { date: formatDate(locale, todayInVietnam(new Date(request.created_at))) })}</p>
              <button type="button" className="button button-secondary" onClick={() => void markRequestHandled(request.id).then(onChange)}>
                {t('staffLinks:requests.markHandled', { name: request.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface CreateDraft {
  session_id: string;
  org_name: string;
  org_kind: string;
  places: string;
  closes_on: string;
}

const emptyCreate: CreateDraft = { session_id: '', org_name: '', org_kind: '', places: '', closes_on: '' };

function CreateLink({ locale, t, sessions, onCreated }: { locale: Locale; t: Translate; sessions: StaffSession[]; onCreated: (org: string, share: string, coordinator: string) => void }) {
  const [draft, setDraft] = useState<CreateDraft>(emptyCreate);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('staffLinks:errors.prefix');
  const session = sessions.find((each) => String(each.id) === draft.session_id);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const result = signupLinkSchemaFor(session?.session_date).safeParse({ ...draft, org_kind: draft.org_kind || undefined });
    if (!result.success) return setErrors(fieldErrorsOf(result.error.issues, (path) => String(path[0]), t));
    setErrors([]);
    setSending(true);
    const answer = await call(t, 'staff_create_signup_link', toCreateLinkArgs(result.data), createdLinkSchema);
    setSending(false);
    if (!answer.ok) return setProblem(answer.text);
    setProblem(undefined);
    setDraft(emptyCreate);
    onCreated(result.data.org_name, answer.data.share_token, answer.data.coordinator_token);
  }

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t('staffLinks:create.heading')}</h2>
      <p className="hint">{t('staffLinks:create.lead')}</p>
      {sessions.length === 0 ? (
        <p>
          {t('staffLinks:session.none')} <a href={localizedPath(locale, 'staff/sessions')}>{t('staff:dashboard.sessions')}</a>
        </p>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary title={t('staffLinks:errors.title')} errors={errors} />
          <SelectField
            id="session_id"
            label={t('staffLinks:session.label')}
            error={fieldErrors.session_id}
            errorPrefix={prefix}
            value={draft.session_id}
            onValue={(session_id) => {
              const chosen = sessions.find((each) => String(each.id) === session_id);
              setDraft({ ...draft, session_id, closes_on: chosen ? defaultClosingDay(chosen.session_date) : draft.closes_on });
            }}
            options={[
              { value: '', label: t('staffLinks:session.choose') },
              ...sessions.map((each) => ({
                value: String(each.id),
                label: t('staffLinks:session.option', { date: formatDate(locale, each.session_date), site: each.site.name }) + (each.published ? '' : ` ${t('staffLinks:session.unpublished')}`),
              })),
            ]}
          />
          <TextField id="org_name" label={t('staffLinks:orgName.label')} error={fieldErrors.org_name} errorPrefix={prefix} value={draft.org_name} onValue={(org_name) => setDraft({ ...draft, org_name })} />
          <Radios
            id="org_kind"
            legend={t('staffLinks:orgKind.legend')}
            error={fieldErrors.org_kind}
            errorPrefix={prefix}
            chosen={draft.org_kind}
            onChange={(org_kind) => setDraft({ ...draft, org_kind })}
            options={organisationKinds.map((kind) => ({ value: kind, label: t(`staffLinks:kind.${kind}`) }))}
          />
          <TextField
            id="places"
            inputMode="numeric"
            label={t('staffLinks:places.label')}
            hint={t('staffLinks:places.hint')}
            error={fieldErrors.places}
            errorPrefix={prefix}
            value={draft.places}
            onValue={(places) => setDraft({ ...draft, places })}
          />
          <TextField
            id="closes_on"
            type="date"
            min={todayInVietnam()}
            max={session?.session_date ?? addDays(todayInVietnam(), 365)}
            label={t('staffLinks:closesOn.label')}
            error={fieldErrors.closes_on}
            errorPrefix={prefix}
            value={draft.closes_on}
            onValue={(closes_on) => setDraft({ ...draft, closes_on })}
          />
          <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('staffLinks:create.sending') : t('staffLinks:create.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

function UrlField({ id, label, copyLabel, url, t }: { id: string; label: string; copyLabel: string; url: string; t: Translate }) {
  const [copied, setCopied] = useState(false);
  return (
    <Field id={id} label={label}>
      {(control) => (
        <>
          <input {...control} type="url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button button-secondary" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
            {copyLabel}
          </button>
          <span aria-live="polite">{copied ? ` ${t('staffLinks:actions.copied')}` : ''}</span>
        </>
      )}
    </Field>
  );
}

interface LinkItemProps {
  locale: Locale;
  t: Translate;
  link: SignupLinkRow;
  counts: LinkCounts;
  session: StaffSession | undefined;
  onChange: () => void;
  onNewCoordinator: (token: string) => void;
}

function LinkItem({ locale, t, link, counts, session, onChange, onNewCoordinator }: LinkItemProps) {
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
  const setStatus = (next: 'active' | 'paused' | 'revoked') =>
    void run(call(t, 'staff_set_signup_link_status', { p_link_id: link.id, p_status: next }, linkStatusAnswerSchema), onChange);
  const loadRoster = () => void run(call(t, 'staff_link_roster', { p_link_id: link.id }, linkRosterSchema), setRoster);

  return (
    <li className="staff-session">
      <h3>{link.org_name}</h3>
      <p>
        <strong>{t(`staffLinks:links.status.${status}`)}</strong> · {t(`staffLinks:kind.${link.org_kind}`)}
      </p>
      {session && <p>{t('staffLinks:links.session', { date: formatDayLong(locale, session.session_date), site: session.site.name })}</p>}
      <p>
        {t('staffLinks:links.count', { taken: counts.taken, places: link.places, left: counts.places_left })} · {t('staffLinks:links.closes', { date: formatDate(locale, todayInVietnam(new Date(link.closes_at))) })}
      </p>
      {link.status !== 'revoked' && <UrlField id={`share-${link.id}`} label={t('staffLinks:created.share')} copyLabel={t('staffLinks:actions.copy')} url={joinUrl(location.origin, locale, link.share_token)} t={t} />}
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
              onClick={() => window.confirm(t('staffLinks:actions.newCoordinatorConfirm')) && void run(call(t, 'staff_new_coordinator_token', { p_link_id: link.id }, coordinatorTokenSchema), (data) => onNewCoordinator(data.coordinator_token))}
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
      {roster && <LinkRoster locale={locale} t={t} roster={roster} onRefresh={loadRoster} />}
    </li>
  );
}
