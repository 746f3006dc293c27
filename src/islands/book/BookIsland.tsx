// Booking a place in a shift: the people and contact (checked inline with the shared schema), a
// "check your answers" step, then the booking, retried with the same idempotency key when the
// answer is lost, and the ticket. A full shift offers the nearest shifts with places, and the
// places left shown are then the ones its refusal said.
import { lazy, Suspense, useState } from 'react';
import { toBookPlacesArgs, type BookingRequest } from '../../domain/booking.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import type { Locale } from '../../i18n/config.ts';
import { campaignPath } from '../../i18n/paths.ts';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { useSendOnce } from '../shared/send-once.ts';
import { loadTicketStore } from '../shared/load-ticket-store.ts';
// A device that keeps tickets keeps the page that shows them offline.
import '../shared/offline.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { BookForm } from './BookForm.tsx';
import { ShiftSummary } from './ShiftSummary.tsx';
import { useBookingSteps } from './use-booking-steps.ts';
import { useShift } from './use-shift.ts';

// The check step and the ticket (with its QR code) are loaded once the person starts on the form,
// not with the page.
const loadCheck = () => import('./CheckAnswers.tsx');
const CheckAnswers = lazy(() => loadCheck().then(({ CheckAnswers }) => ({ default: CheckAnswers })));
const loadDone = () => import('./BookingDone.tsx');
const BookingDone = lazy(loadDone);

// Kept for the browser tab: typed answers survive a reload or a move to another shift, and a
// booking retried after a lost answer reuses its idempotency key.
const draftKey = 'cccd.book.draft';
const attemptKey = 'cccd.book.attempt';

export default function BookIsland({ locale, messages, consent }: { locale: Locale; messages: Messages; consent: ConsentVersions }) {
  const t = createTranslator(locale, messages);
  const [shiftId] = useState(() => Number(new URLSearchParams(location.search).get('shift')) || 0);
  const { shift, closed, reload } = useShift(shiftId);
  const { draft, setDraft, step, setStep, form, request, problem, setProblem, booked, placesLeft, toCheck, answered } = useBookingSteps(t, draftKey, locale);
  const { attempt, send } = useSendOnce(attemptKey);

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

  async function confirm(request: BookingRequest) {
    setProblem(undefined);
    const store = await loadTicketStore();
    if (!store) return setProblem('network');
    const result = await send('book_places', (key) => toBookPlacesArgs({ ...request, idempotency_key: key }), store.bookingViewSchema);
    if (result.ok) store.saveTicket(result.data, result.data.token);
    answered(result, request);
  }

  return (
    <div className="book">
      <p className="step-indicator">{t('book:steps.current', { step: { form: 1, check: 2, done: 3 }[step], total: 3 })}</p>
      {step !== 'done' && (
        <ShiftSummary
          locale={locale}
          t={t}
          shift={{ ...shift, session }}
          placesLeft={placesLeft}
        />
      )}
      {!bookable && step !== 'done' ? (
        <div className="notice notice-error">
          <p>{t('book:shift.closed')}</p>
          {schedulesLink}
        </div>
      ) : step === 'form' ? (
        <BookForm t={t} form={form} draft={draft} consent={consent} onChange={(next) => (void loadCheck(), void loadDone(), setDraft(next))} onSubmit={() => toCheck(shiftId, { date: session.session_date, minAge: session.campaign?.min_age })} focusHeading={request !== undefined} />
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
