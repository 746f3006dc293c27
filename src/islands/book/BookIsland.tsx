// Booking a place in a shift: the people and contact (checked inline with the shared schema), a
// "check your answers" step, then the booking, retried with the same idempotency key when the
// answer is lost, and the ticket. A full shift offers the nearest shifts with places, and the
// places left shown are then the ones its refusal said.
import { lazy, Suspense, useEffect, useState } from 'react';
import { bookingRequestSchemaFor, toBookPlacesArgs, type BookingRequest } from '../../domain/booking.ts';
import { bookingViewSchema, type BookingView } from '../../domain/booking-view.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { refusalMessage, refusalPlacesLeft, type Refusal } from '../../domain/errors.ts';
import { messagesAgreement } from '../../domain/messages-agreement.ts';
import type { Locale } from '../../i18n/config.ts';
import { campaignPath } from '../../i18n/paths.ts';
import { formatDayLong, formatTime } from '../../lib/format.ts';
import { noMessages } from '../shared/MessagesFields.tsx';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { useSendOnce } from '../shared/send-once.ts';
import { readSession } from '../shared/tab-storage.ts';
import { loadTicketStore } from '../shared/load-ticket-store.ts';
// A device that keeps tickets keeps the page that shows them offline.
import '../shared/offline.ts';
import { useForm } from '../shared/use-form.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { BookForm, type Draft } from './BookForm.tsx';
import type { Problem } from './CheckAnswers.tsx';
import { emptyPerson, personFieldId, refusalPersonFieldId } from './PersonFields.tsx';
import { ShiftSummary } from './ShiftSummary.tsx';
import { useShift } from './use-shift.ts';

type Step = 'form' | 'check' | 'done';

// The ticket (and its QR code) is loaded once the person starts on the form, not with the page.
const loadDone = () => import('./BookingDone.tsx');
const BookingDone = lazy(loadDone);
// The step that checks the answers, with the same start.
const loadCheck = () => import('./CheckAnswers.tsx');
const CheckAnswers = lazy(() => loadCheck().then(({ CheckAnswers }) => ({ default: CheckAnswers })));
const startForm = () => void Promise.all([loadDone(), loadCheck()]);

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
  const formField: Record<string, string> = { invalid_phone: 'phone', phone_limit: 'phone', consent_required: 'consent', consent_outdated: 'consent', invalid_people: 'add-person' };
  return refusalPersonFieldId(refusal) ?? formField[refusal.code];
}

export default function BookIsland({ locale, messages, consent }: { locale: Locale; messages: Messages; consent: ConsentVersions }) {
  const t = createTranslator(locale, messages);
  const [shiftId] = useState(() => Number(new URLSearchParams(location.search).get('shift')) || 0);
  const { shift, closed, reload } = useShift(shiftId);
  const [draft, setDraft] = useState<Draft>(() => ({ people: [{ ...emptyPerson }], phone: '', consent: '', ...noMessages, ...readSession<Draft>(draftKey) }));
  const [step, setStep] = useState<Step>('form');
  const form = useForm(t);
  const { attempt, send } = useSendOnce(attemptKey);
  const [request, setRequest] = useState<BookingRequest>();
  const [problem, setProblem] = useState<Problem>();
  const [booked, setBooked] = useState<BookingView>();
  // Set by a full shift's refusal, which is newer than the shift as read.
  const [placesLeft, setPlacesLeft] = useState<number>();

  useEffect(() => {
    if (step !== 'done') sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, step]);

  useEffect(() => {
    document.querySelector('h1')?.scrollIntoView();
  }, [step]);

  if (shift === undefined) return <p role="status">{t('book:page.loading')}</p>;
  if (shift === 'error') return <RetryNotice text={t('errors:network')} retryLabel={t('book:network.retry')} onRetry={() => void reload()} />;
  // Back to the schedules of the shift's campaign (the page alone when there is no such shift).
  const schedulesHref = campaignPath(locale, 'schedules', shift?.session?.campaign?.slug);
  const schedulesLink = (
    <a className="button button-secondary" href={schedulesHref}>
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
  const bookable = !session.cancelled_at && !closed;

  function toCheck() {
    const checked = form.check(bookingRequestSchemaFor({ date: session.session_date, minAge: session.campaign?.min_age }), {
      shift_id: shiftId,
      people: draft.people.map((person) => ({
        full_name: person.full_name,
        birth_date: dateFromParts(person.day, person.month, person.year),
        id_number: person.id_number,
        application_kind: person.application_kind || undefined,
      })),
      phone: draft.phone,
      messages: messagesAgreement(draft.messages, draft.messagesEmail, locale),
      consent: draft.consent,
      idempotency_key: placeholderKey,
    }, fieldOf);
    if (!checked) return;
    setRequest(checked);
    setProblem(undefined);
    setStep('check');
  }

  async function confirm(request: BookingRequest) {
    setProblem(undefined);
    const store = await loadTicketStore();
    if (!store) return setProblem('network');
    const result = await send('book_places', (key) => toBookPlacesArgs({ ...request, idempotency_key: key }), bookingViewSchema);
    if (result.ok) {
      const view = result.data;
      store.saveTicket(view, view.token);
      sessionStorage.removeItem(draftKey);
      setBooked(view);
      setStep('done');
      return;
    }
    if ('network' in result) return setProblem('network');
    const refusal = result.refusal;
    const left = refusalPlacesLeft(refusal);
    if (left !== undefined) setPlacesLeft(left);
    const { key, values } = refusalMessage(refusal, request.people.map((person) => person.full_name));
    if (form.showAt(refusalField(refusal), t(key, values))) setStep('form');
    else setProblem(refusal);
  }

  return (
    <div className="book">
      <p className="step-indicator">{t('book:steps.current', { step: { form: 1, check: 2, done: 3 }[step], total: 3 })}</p>
      {step !== 'done' && (
        <ShiftSummary
          locale={locale}
          t={t}
          when={t('book:shift.when', { date: formatDayLong(locale, session.session_date), start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) })}
          site={session.site}
          placesLeft={placesLeft ?? shift.capacity - shift.booked}
          demonstration={session.campaign?.demonstration ?? false}
        />
      )}
      {!bookable && step !== 'done' ? (
        <div className="notice notice-error">
          <p>{t('book:shift.closed')}</p>
          {schedulesLink}
        </div>
      ) : step === 'form' ? (
        <BookForm t={t} form={form} draft={draft} consent={consent} onChange={(next) => (startForm(), setDraft(next))} onSubmit={toCheck} focusHeading={request !== undefined} />
      ) : step === 'check' && request ? (
        <Suspense fallback={<p role="status">{t('book:page.loading')}</p>}>
          <CheckAnswers locale={locale} t={t} request={request} schedulesHref={schedulesHref} attempt={attempt} problem={problem} onChange={() => setStep('form')} onConfirm={() => void confirm(request)} />
        </Suspense>
      ) : booked ? (
        <Suspense fallback={<p role="status">{t('book:page.loading')}</p>}>
          <BookingDone locale={locale} t={t} booked={booked} />
        </Suspense>
      ) : null}
    </div>
  );
}
