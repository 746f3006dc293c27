// Joining through an organisation's link: the public facts of the link (never who has joined), a
// shift, the person, class or department, phone, a guardian's consent for a minor at a school,
// then the ticket. A lost answer is retried with the same idempotency key, so it books once.
import { useEffect, useState } from 'react';
import { bookingViewSchema, type BookingView } from '../../domain/booking-view.ts';
import { dateFromParts, todayInVietnam } from '../../domain/dates.ts';
import { networkErrorKey, refusalMessage, type Refusal } from '../../domain/errors.ts';
import { joinRequestSchemaFor, linkInfoSchema, needsGuardianConsent, toJoinArgs, tokenFrom, type LinkInfo } from '../../domain/signup-links.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDate, formatDayLong, formatTime } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import { emptyPerson, PersonFields, personFieldId, refusalPersonFieldId, type PersonDraft } from '../book/PersonFields.tsx';
import { Checkbox } from '../shared/Checkbox.tsx';
import { ErrorSummary, InlineError, describedBy, type FieldError } from '../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { manageLinkOf, managePath, manageUrl } from '../shared/manage-url.ts';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { TextField } from '../shared/TextField.tsx';
import { Ticket } from '../shared/Ticket.tsx';
import { sendOnce } from '../shared/send-once.ts';
import { saveTicket } from '../shared/ticket-store.ts';
import { createTranslator, type Messages, type Translate } from '../translator.ts';

interface Draft {
  shift_id: string;
  person: PersonDraft;
  org_group: string;
  phone: string;
  guardian_consent: boolean;
  consent: boolean;
}

// The idempotency key of the answers being sent, kept for the tab so a retry after a reload
// books once too.
const attemptKey = 'cccd.join.attempt';

const emptyDraft: Draft = { shift_id: '', person: { ...emptyPerson }, org_group: '', phone: '', guardian_consent: false, consent: false };

/** The field id of a schema issue's path (`['person', 'birth_date']` → the person's date field). */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'person') return personFieldId(0, typeof second === 'string' ? second : 'full_name');
  return first === 'shift_id' ? 'shift' : String(first);
}

/** The field a refusal is about, to show it there; undefined for refusals about the link or shift. */
function refusalField(refusal: Refusal): string | undefined {
  const formField: Record<string, string> = { invalid_phone: 'phone', phone_limit: 'phone', consent_required: 'consent', guardian_consent_required: 'guardian_consent' };
  if (refusal.code === 'invalid_argument' && refusal.details.field === 'org_group') return 'org_group';
  return refusalPersonFieldId(refusal) ?? formField[refusal.code];
}

export default function JoinIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [token] = useState(() => tokenFrom(location.search));
  const [info, setInfo] = useState<LinkInfo | Refusal | 'network'>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(0);
  const [problem, setProblem] = useState<string>();
  const [joined, setJoined] = useState<BookingView>();

  /**
   * Reads the link's facts. `again` (after a refusal about the link or shift) keeps the form on
   * screen while it reads, and the facts already shown if the read fails.
   */
  async function load(again = false) {
    if (!token) return;
    if (!again) setInfo(undefined);
    const answer = await rpc('signup_link_info', { p_token: token }, linkInfoSchema);
    if (answer.ok) setInfo(answer.data);
    else if (!again) setInfo('network' in answer ? 'network' : answer.refusal);
  }

  useEffect(() => {
    void load();
  }, [token]);

  useEffect(() => {
    if (joined) document.querySelector('h1')?.scrollIntoView();
  }, [joined]);

  if (!token) return <p className="notice notice-error">{t('join:page.noToken')}</p>;
  if (info === undefined) return <p aria-live="polite">{t('join:page.loading')}</p>;
  if (info === 'network') {
    return <RetryNotice text={t(networkErrorKey)} retryLabel={t('join:page.retry')} onRetry={() => void load()} />;
  }
  const schedulesLink = (
    <a className="button button-secondary" href={localizedPath(locale, 'schedules')}>
      {t('join:page.schedules')}
    </a>
  );
  if ('code' in info) {
    return (
      <div className="notice notice-error">
        <p>{t(refusalMessage(info).key)}</p>
        {schedulesLink}
      </div>
    );
  }
  if (joined) {
    const manageLink = manageLinkOf(joined);
    return (
      <section aria-labelledby="done-heading">
        <h2 id="done-heading" className="done-heading">
          {t('join:done.heading')}
        </h2>
        <p>{t('join:done.lead')}</p>
        <Ticket locale={locale} t={t} view={joined} manageUrl={manageUrl(locale, manageLink)} />
        <p>
          <a className="button" href={managePath(locale, manageLink)}>
            {t('join:done.manage')}
          </a>
        </p>
        <p>{t('join:done.changeShift')}</p>
      </section>
    );
  }

  const link = info;
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('book:errors.prefix');
  const staffKind = link.org_kind === 'school' ? 'school' : 'staff';
  const birthDate = dateFromParts(draft.person.day, draft.person.month, draft.person.year);
  const minor = needsGuardianConsent(link.org_kind, birthDate);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const result = joinRequestSchemaFor(link).safeParse({
      shift_id: draft.shift_id,
      person: {
        full_name: draft.person.full_name,
        birth_date: birthDate,
        id_number: draft.person.id_number,
        application_kind: draft.person.application_kind || undefined,
      },
      org_group: draft.org_group,
      phone: draft.phone,
      guardian_consent: draft.guardian_consent,
      consent: draft.consent,
    });
    if (!result.success) return setErrors(fieldErrorsOf(result.error.issues, fieldOf, t));
    setErrors([]);
    setProblem(undefined);
    const answer = await sendOnce(attemptKey, 'join_signup_link', (key) => toJoinArgs(token!, result.data, key), bookingViewSchema, setSending);
    if (answer.ok) {
      const view = answer.data;
      saveTicket(view, view.token);
      setJoined(view);
      return;
    }
    if ('network' in answer) return setProblem(t(networkErrorKey));
    const field = refusalField(answer.refusal);
    const { key: messageKey, values } = refusalMessage(answer.refusal, [result.data.person.full_name]);
    if (field) setErrors([{ field, message: t(messageKey, values) }]);
    else {
      setProblem(t(messageKey, values));
      // The link or the shift changed under the person: show its state and places as they are now.
      if (answer.refusal.code.startsWith('link_') || answer.refusal.code === 'shift_full') void load(true);
    }
  }

  return (
    <div className="join">
      <LinkFacts locale={locale} t={t} link={link} />
      {link.state !== 'open' ? (
        <div className="notice notice-error" role="status">
          <h2>{t('join:state.heading')}</h2>
          <p>{t(`errors:link_${link.state}`)}</p>
          {schedulesLink}
        </div>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary title={t('book:errors.title')} errors={errors} />
          <p>{t(`join:intro.${staffKind}`)}</p>

          <fieldset className={`field${fieldErrors.shift ? ' field-invalid' : ''}`} aria-describedby={describedBy('shift', false, fieldErrors.shift)}>
            <legend>{t('join:shift.legend')}</legend>
            <InlineError id="shift" prefix={prefix} message={fieldErrors.shift} />
            <div className="radios">
              {link.shifts.map((shift, position) => {
                const open = shift.bookable && shift.places_left > 0;
                const id = position === 0 ? 'shift' : `shift-${shift.id}`;
                return (
                  <div className="radio" key={shift.id}>
                    <input
                      type="radio"
                      id={id}
                      name="shift"
                      value={shift.id}
                      disabled={!open}
                      checked={draft.shift_id === String(shift.id)}
                      onChange={() => setDraft({ ...draft, shift_id: String(shift.id) })}
                    />
                    <label htmlFor={id}>
                      {t('join:shift.option', { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) })} ·{' '}
                      {open ? t('join:shift.places', { count: shift.places_left }) : t('join:shift.full')}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>

          <PersonFields
            index={0}
            person={draft.person}
            errors={fieldErrors}
            t={t}
            legend={t('join:person.legend')}
            onChange={(person) => setDraft({ ...draft, person })}
          />

          <TextField
            id="org_group"
            label={t(`join:group.label.${link.org_kind}`)}
            hint={t(`join:group.hint.${link.org_kind}`)}
            error={fieldErrors.org_group}
            errorPrefix={prefix}
            value={draft.org_group}
            onValue={(org_group) => setDraft({ ...draft, org_group })}
          />
          <TextField
            id="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            label={t(`join:phone.label.${link.org_kind}`)}
            hint={t('join:phone.hint')}
            error={fieldErrors.phone}
            errorPrefix={prefix}
            value={draft.phone}
            onValue={(phone) => setDraft({ ...draft, phone })}
          />

          {link.org_kind === 'school' && (
            <Checkbox
              id="guardian_consent"
              label={t('join:guardian.label')}
              hint={t('join:guardian.hint')}
              emphasis={minor}
              error={fieldErrors.guardian_consent}
              prefix={prefix}
              checked={draft.guardian_consent}
              onChange={(guardian_consent) => setDraft({ ...draft, guardian_consent })}
            />
          )}

          <h2>{t('join:consent.heading')}</h2>
          <p className="consent-text">{t('join:consent.body')}</p>
          <Checkbox
            id="consent"
            label={t('join:consent.label')}
            error={fieldErrors.consent}
            prefix={prefix}
            checked={draft.consent}
            onChange={(consent) => setDraft({ ...draft, consent })}
          />

          <div aria-live="polite">
            {sending > 1 && <p>{t('join:form.retrying', { attempt: sending })}</p>}
            {problem && <p className="notice notice-error">{problem}</p>}
          </div>
          <button type="submit" className="button" disabled={sending > 0}>
            {sending > 0 ? t('join:form.sending') : t('join:form.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

function LinkFacts({ locale, t, link }: { locale: Locale; t: Translate; link: LinkInfo }) {
  return (
    <section className="shift-summary" aria-labelledby="link-heading">
      <h2 id="link-heading">{t('join:session.heading', { org: link.org_name })}</h2>
      <p className="hint">{t(`join:kind.${link.org_kind}`)}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('join:session.date')}</dt>
          <dd>{formatDayLong(locale, link.session.date)}</dd>
        </div>
        <div>
          <dt>{t('join:session.place')}</dt>
          <dd>
            {link.session.site_name}
            <br />
            {link.session.address}
            {link.session.access_notes && <span className="hint"> — {link.session.access_notes}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('join:session.closes')}</dt>
          <dd>{formatDate(locale, todayInVietnam(new Date(link.closes_at)))}</dd>
        </div>
      </dl>
      {link.state === 'open' && <p className="places-left">{t('join:session.placesLeft', { count: link.places_left })}</p>}
    </section>
  );
}
