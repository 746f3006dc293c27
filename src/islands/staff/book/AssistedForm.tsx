// The booking form of assisted booking, for the chosen shift: the citizen booking form's own
// steps (the people, phone, consent, the check), sent through the officer's session to
// staff_book_places (the same engine and rules), retried with the same idempotency key when the
// answer is lost; then the ticket to print and hand over.
import { lazy, Suspense, useEffect } from 'react';
import { toBookPlacesArgs, type BookingRequest } from '../../../domain/booking.ts';
import { bookingViewSchema } from '../../../domain/booking-view.ts';
import type { ConsentVersions } from '../../../domain/consent.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { BookForm } from '../../book/BookForm.tsx';
import { CheckAnswers } from '../../book/CheckAnswers.tsx';
import { ShiftSummary } from '../../book/ShiftSummary.tsx';
import { useBookingSteps } from '../../book/use-booking-steps.ts';
import { useShift } from '../../book/use-shift.ts';
import { RetryNotice } from '../../shared/RetryNotice.tsx';
import { useSendOnce } from '../../shared/send-once.ts';
import type { Translate } from '../../translator.ts';
import { staffRpc } from '../calls.ts';

// The ticket (and its QR code) loads once booked.
const AssistedDone = lazy(() => import('./AssistedDone.tsx'));

// Kept for the browser tab, apart from the citizen form's: typed answers survive a reload, and a
// booking retried after a lost answer reuses its idempotency key.
const draftKey = 'cccd.staffBook.draft';
const attemptKey = 'cccd.staffBook.attempt';

interface Props {
  locale: Locale;
  t: Translate;
  shiftId: number;
  consent: ConsentVersions;
  /** Whether the officer may choose another shift: not while the answers are checked or once booked. */
  onChoosing: (choosing: boolean) => void;
  /** An empty form for the next person. */
  onNext: () => void;
}

export default function AssistedForm({ locale, t, shiftId, consent, onChoosing, onNext }: Props) {
  const { shift, closed, reload } = useShift(shiftId);
  const { draft, setDraft, step, setStep, form, request, problem, setProblem, booked, placesLeft, toCheck, answered } = useBookingSteps(t, draftKey, locale);
  const { attempt, send } = useSendOnce(attemptKey, staffRpc);
  const pagePath = localizedPath(locale, 'staff/book');
  const session = shift && shift !== 'error' ? shift.session : null;

  useEffect(() => onChoosing(step === 'form'), [step, onChoosing]);

  async function confirm(sent: BookingRequest) {
    setProblem(undefined);
    answered(await send('staff_book_places', (key) => toBookPlacesArgs({ ...sent, idempotency_key: key }), bookingViewSchema), sent);
  }

  if (step === 'done' && booked) {
    return (
      <Suspense fallback={<p role="status">{t('book:page.loading')}</p>}>
        <AssistedDone locale={locale} t={t} booked={booked} onNext={onNext} />
      </Suspense>
    );
  }
  if (shift === undefined) return <p role="status">{t('book:page.loading')}</p>;
  if (shift === 'error') return <RetryNotice text={t('errors:network')} retryLabel={t('book:network.retry')} onRetry={() => void reload()} />;
  if (!shift || !session) return <p className="notice notice-error">{t('book:shift.notFound')}</p>;
  return (
    <>
      <ShiftSummary
        locale={locale}
        t={t}
        shift={{ ...shift, session }}
        placesLeft={placesLeft}
      />
      {session.cancelled_at || closed ? (
        <p className="notice notice-error">{t('book:shift.closed')}</p>
      ) : step === 'form' ? (
        <BookForm
          t={t}
          form={form}
          draft={draft}
          consent={consent}
          onChange={setDraft}
          onSubmit={() => toCheck(shift.id, { date: session.session_date, minAge: session.campaign?.min_age })}
          focusHeading={request !== undefined}
          words={{ lead: t('staffBook:form.lead'), phoneHint: t('staffBook:form.phoneHint'), messagesLabel: t('staffBook:form.messagesLabel'), consentLabel: t('staffBook:form.consentLabel') }}
        />
      ) : request ? (
        <CheckAnswers
          locale={locale}
          t={t}
          request={request}
          schedulesHref={pagePath}
          bookPath={pagePath}
          attempt={attempt}
          problem={problem}
          onChange={() => setStep('form')}
          onConfirm={() => void confirm(request)}
        />
      ) : null}
    </>
  );
}
