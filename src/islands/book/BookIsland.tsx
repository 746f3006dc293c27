// Booking a place in a shift: the people and contact (checked inline with the shared schema), a
// "check your answers" step, then the booking, retried with the same idempotency key when the
// answer is lost, and the ticket. A full shift offers the nearest shifts with places.
import { useEffect, useState } from 'react';
import { bookingRequestSchemaFor, maxPeoplePerBooking, toBookPlacesArgs, type BookingRequest } from '../../domain/booking.ts';
import { bookingViewSchema, type BookingView } from '../../domain/booking-view.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDate, formatDayLong, formatTime } from '../../lib/format.ts';
import { from } from '../../lib/public-api.ts';
import { Checkbox } from '../shared/Checkbox.tsx';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { manageLinkOf, managePath, manageUrl } from '../shared/manage-url.ts';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { TextField } from '../shared/TextField.tsx';
import { Ticket } from '../shared/Ticket.tsx';
import { sendOnce } from '../shared/send-once.ts';
import { readSession } from '../shared/tab-storage.ts';
import { saveTicket } from '../shared/ticket-store.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { Alternatives } from './Alternatives.tsx';
import { emptyPerson, PersonFields, personFieldId, refusalPersonFieldId, type PersonDraft } from './PersonFields.tsx';

interface Shift {
  id: number;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
  session: {
    session_date: string;
    cancelled_at: string | null;
    campaign: { min_age: number } | null;
    site: { name: string; address: string; access_notes: string | null } | null;
  } | null;
}

interface Draft {
  people: PersonDraft[];
  phone: string;
  consent: boolean;
}

type Step = 'form' | 'check' | 'done';

// Kept for the browser tab: typed answers survive a reload or a move to another shift, and a
// booking retried after a lost answer reuses its idempotency key.
const draftKey = 'cccd.book.draft';
const attemptKey = 'cccd.book.attempt';
// The schema checks a key's form; the real key is chosen when the booking is sent.
const placeholderKey = '0'.repeat(22);

function fieldOf(path: readonly PropertyKey[]): string {
  const [first, index, field] = path;
  if (first === 'people' && typeof index === 'number') return personFieldId(index, typeof field === 'string' ? field : 'full_name');
  return first === 'people' ? 'add-person' : String(first);
}

/** The field a refusal from the database is about, to show it there. */
function refusalField(refusal: Refusal): string | undefined {
  const formField: Record<string, string> = { invalid_phone: 'phone', phone_limit: 'phone', consent_required: 'consent', invalid_people: 'add-person' };
  return refusalPersonFieldId(refusal) ?? formField[refusal.code];
}

export default function BookIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [shiftId] = useState(() => Number(new URLSearchParams(location.search).get('shift')) || 0);
  const [shift, setShift] = useState<Shift | null | 'error'>();
  const [draft, setDraft] = useState<Draft>(() => readSession<Draft>(draftKey) ?? { people: [{ ...emptyPerson }], phone: '', consent: false });
  const [step, setStep] = useState<Step>('form');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [request, setRequest] = useState<BookingRequest>();
  const [sending, setSending] = useState<number>(0);
  const [problem, setProblem] = useState<'network' | 'full' | Refusal>();
  const [booked, setBooked] = useState<BookingView>();

  async function loadShift() {
    setShift(undefined);
    const { data, error, status } = await from('shifts')
      .select('id, starts_at, ends_at, capacity, booked, session:intake_sessions(session_date, cancelled_at, campaign:campaigns(min_age), site:intake_sites(name, address, access_notes))')
      .eq('id', shiftId)
      .maybeSingle();
    setShift(error || status === 0 ? 'error' : ((data as Shift | null) ?? null));
  }

  useEffect(() => {
    if (shiftId) void loadShift();
    else setShift(null);
  }, [shiftId]);

  useEffect(() => {
    if (step !== 'done') sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, step]);

  useEffect(() => {
    document.querySelector('h1')?.scrollIntoView();
  }, [step]);

  if (shift === undefined) return <p aria-live="polite">{t('book:page.loading')}</p>;
  if (shift === 'error') {
    return <RetryNotice text={t('errors:network')} retryLabel={t('book:network.retry')} onRetry={() => void loadShift()} />;
  }
  const schedulesLink = (
    <a className="button button-secondary" href={localizedPath(locale, 'schedules')}>
      {t('book:shift.choose')}
    </a>
  );
  if (!shift?.session) {
    return (
      <div className="notice notice-error">
        <p>{t('book:shift.notFound')}</p>
        {schedulesLink}
      </div>
    );
  }
  const session = shift.session;
  const when = t('book:shift.when', {
    date: formatDayLong(locale, session.session_date),
    start: formatTime(locale, shift.starts_at),
    end: formatTime(locale, shift.ends_at),
  });
  const placesLeft = shift.capacity - shift.booked;
  const bookable = !session.cancelled_at && Date.now() < new Date(shift.ends_at).getTime() - 3_600_000;
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const names = draft.people.map((person) => person.full_name.trim());

  function validate(): BookingRequest | undefined {
    const schema = bookingRequestSchemaFor({ date: session.session_date, minAge: session.campaign?.min_age });
    const result = schema.safeParse({
      shift_id: shiftId,
      people: draft.people.map((person) => ({
        full_name: person.full_name,
        birth_date: dateFromParts(person.day, person.month, person.year),
        id_number: person.id_number,
        application_kind: person.application_kind || undefined,
      })),
      phone: draft.phone,
      consent: draft.consent,
      idempotency_key: placeholderKey,
    });
    if (result.success) return result.data;
    setErrors(fieldErrorsOf(result.error.issues, fieldOf, t));
    return undefined;
  }

  function toCheck(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = validate();
    if (!checked) return;
    setErrors([]);
    setRequest(checked);
    setProblem(undefined);
    setStep('check');
  }

  async function confirm() {
    if (!request) return;
    setProblem(undefined);
    const result = await sendOnce(attemptKey, 'book_places', (key) => toBookPlacesArgs({ ...request, idempotency_key: key }), bookingViewSchema, setSending);
    if (result.ok) {
      const view = result.data;
      saveTicket(view, view.token);
      sessionStorage.removeItem(draftKey);
      setBooked(view);
      setStep('done');
      return;
    }
    if ('network' in result) return setProblem('network');
    const refusal = result.refusal;
    if (refusal.code === 'shift_full') return setProblem('full');
    const field = refusalField(refusal);
    const { key: messageKey, values } = refusalMessage(refusal, names);
    if (field) {
      setErrors([{ field, message: t(messageKey, values) }]);
      setStep('form');
    } else setProblem(refusal);
  }

  const stepNumber = { form: 1, check: 2, done: 3 }[step];
  return (
    <div className="book">
      <p className="step-indicator">{t('book:steps.current', { step: stepNumber, total: 3 })}</p>
      {step !== 'done' && (
      <section className="shift-summary" aria-labelledby="shift-heading">
        <h2 id="shift-heading">{t('book:shift.heading')}</h2>
        <p className="shift-when">{when}</p>
        <p>
          <strong>{session.site?.name}</strong>
          <br />
          {session.site?.address}
        </p>
        {session.site?.access_notes && <p className="hint">{session.site.access_notes}</p>}
        <p>{t('book:shift.placesLeft', { count: placesLeft })}</p>
      </section>
      )}

      {!bookable && step !== 'done' ? (
        <div className="notice notice-error">
          <p>{t('book:shift.closed')}</p>
          {schedulesLink}
        </div>
      ) : step === 'form' ? (
        <form noValidate onSubmit={toCheck}>
          <ErrorSummary title={t('book:errors.title')} errors={errors} />
          <h2>{t('book:form.heading')}</h2>
          <p>{t('book:form.lead')}</p>
          {draft.people.map((person, index) => (
            <PersonFields
              key={index}
              index={index}
              person={person}
              errors={fieldErrors}
              t={t}
              onChange={(changed) => setDraft({ ...draft, people: draft.people.map((p, i) => (i === index ? changed : p)) })}
              onRemove={draft.people.length > 1 ? () => setDraft({ ...draft, people: draft.people.filter((_, i) => i !== index) }) : undefined}
            />
          ))}
          {draft.people.length < maxPeoplePerBooking ? (
            <button type="button" id="add-person" className="button button-secondary" onClick={() => setDraft({ ...draft, people: [...draft.people, { ...emptyPerson }] })}>
              {t('book:people.add')}
            </button>
          ) : (
            <p id="add-person">{t('book:people.max')}</p>
          )}

          <h2>{t('book:contact.heading')}</h2>
          <TextField
            id="phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            label={t('book:contact.phone')}
            hint={t('book:contact.phoneHint')}
            error={fieldErrors.phone}
            errorPrefix={t('book:errors.prefix')}
            value={draft.phone}
            onValue={(phone) => setDraft({ ...draft, phone })}
          />

          <h2>{t('book:consent.heading')}</h2>
          <div className="consent-text">
            <p>{t('book:consent.what')}</p>
            <p>{t('book:consent.why')}</p>
            <p>{t('book:consent.keep')}</p>
            <p>{t('book:consent.rights')}</p>
          </div>
          <Checkbox
            id="consent"
            label={t('book:consent.label')}
            error={fieldErrors.consent}
            prefix={t('book:errors.prefix')}
            checked={draft.consent}
            onChange={(consent) => setDraft({ ...draft, consent })}
          />
          <button type="submit" className="button">
            {t('book:form.continue')}
          </button>
        </form>
      ) : step === 'check' && request ? (
        <section aria-labelledby="check-heading">
          <h2 id="check-heading">{t('book:check.heading')}</h2>
          <dl className="summary-list">
            {request.people.map((person, index) => (
              <div key={index}>
                <dt>{t('book:person.legend', { number: index + 1 })}</dt>
                <dd>
                  {person.full_name}
                  <br />
                  {formatDate(locale, person.birth_date)}
                  <br />
                  {t(`book:kind.${person.application_kind}`)} · {person.id_number ?? t('book:check.idNone')}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t('book:contact.phone')}</dt>
              <dd>{request.phone}</dd>
            </div>
          </dl>
          <button type="button" className="button-link" onClick={() => setStep('form')} aria-label={t('book:check.changeLabel', { what: t('book:form.heading') })}>
            {t('book:check.change')}
          </button>

          <div aria-live="polite">
            {sending > 1 && <p>{t('book:check.retrying', { attempt: sending })}</p>}
            {problem === 'network' && <p className="notice notice-error">{t('book:network.failed')}</p>}
            {problem && problem !== 'network' && problem !== 'full' && (
              <p className="notice notice-error">{t(refusalMessage(problem, names).key, refusalMessage(problem, names).values)}</p>
            )}
          </div>
          {problem === 'full' ? (
            <Alternatives locale={locale} t={t} shiftId={shiftId} />
          ) : (
            <button type="button" className="button" disabled={sending > 0} onClick={() => void confirm()}>
              {sending > 0 ? t('book:check.sending') : problem === 'network' ? t('book:network.retry') : t('book:check.confirm')}
            </button>
          )}
        </section>
      ) : booked ? (
        <section aria-labelledby="done-heading">
          <h2 id="done-heading" className="done-heading">
            {t('book:done.heading')}
          </h2>
          <p>{t('book:done.lead')}</p>
          <Ticket locale={locale} t={t} view={booked} manageUrl={manageUrl(locale, manageLinkOf(booked))} />
          <h3>{t('book:bring.heading')}</h3>
          <ul>
            <li>{t('book:bring.code')}</li>
            <li>{t('book:bring.oldCard')}</li>
            <li>{t('book:bring.noCard')}</li>
            <li>{t('book:bring.ready')}</li>
          </ul>
          <p>
            <a className="button" href={managePath(locale, manageLinkOf(booked))}>
              {t('book:done.manage')}
            </a>
          </p>
          <p className="hint">{t('book:done.manageHint')}</p>
        </section>
      ) : null}
    </div>
  );
}

