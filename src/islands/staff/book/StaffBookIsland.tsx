// Assisted booking (/{lang}/staff/book/?shift=ID): an officer books for a person who phones the
// commune or comes to the office. The shift is chosen as on the day of intake (a date, a session of
// the officer's area, a shift); the people, phone, consent, the check and the ticket are the
// citizen booking form's own, sent through the officer's session to staff_book_places (the same
// engine and rules), retried with the same idempotency key when the answer is lost. The ticket
// prints on A6 to hand over.
import { lazy, Suspense, useMemo } from 'react';
import { toBookPlacesArgs, type BookingRequest } from '../../../domain/booking.ts';
import { bookingViewSchema } from '../../../domain/booking-view.ts';
import type { ConsentVersions } from '../../../domain/consent.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDayLong, formatTime } from '../../../lib/format.ts';
import { BookForm } from '../../book/BookForm.tsx';
import { CheckAnswers } from '../../book/CheckAnswers.tsx';
import { ShiftSummary } from '../../book/ShiftSummary.tsx';
import { useBookingSteps } from '../../book/use-booking-steps.ts';
import { useShift } from '../../book/use-shift.ts';
import { RetryNotice } from '../../shared/RetryNotice.tsx';
import { useSendOnce } from '../../shared/send-once.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { staffRpc } from '../calls.ts';
import { DayChooser } from '../day/DayChooser.tsx';
import { useDayChoice } from '../day/use-day-choice.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';

// The ticket (and its QR code) loads once booked, not with the page.
const AssistedDone = lazy(() => import('./AssistedDone.tsx'));

// Kept for the browser tab, apart from the citizen form's: typed answers survive a reload, and a
// booking retried after a lost answer reuses its idempotency key.
const draftKey = 'cccd.staffBook.draft';
const attemptKey = 'cccd.staffBook.attempt';

interface Props {
  locale: Locale;
  messages: Messages;
  consent: ConsentVersions;
}

export default function StaffBookIsland({ locale, messages, consent }: Props) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <AssistedBooking locale={locale} t={t} staff={staff} consent={consent} />
        </>
      )}
    </StaffGate>
  );
}

interface BookingProps {
  locale: Locale;
  t: Translate;
  staff: StaffMember;
  consent: ConsentVersions;
}

function AssistedBooking({ locale, t, staff, consent }: BookingProps) {
  const choice = useDayChoice(t, staff);
  const { shift, closed, reload } = useShift(choice.shiftId ?? 0);
  const { draft, setDraft, step, setStep, form, request, problem, setProblem, booked, placesLeft, toCheck, answered, restart } = useBookingSteps(t, draftKey);
  const { attempt, send } = useSendOnce(attemptKey, staffRpc);
  const pagePath = localizedPath(locale, 'staff/book');
  const session = shift && shift !== 'error' ? shift.session : null;

  async function confirm(sent: BookingRequest) {
    setProblem(undefined);
    answered(await send('staff_book_places', (key) => toBookPlacesArgs({ ...sent, idempotency_key: key }), bookingViewSchema), sent);
  }

  function next() {
    restart();
    void reload();
  }

  if (step === 'done' && booked) {
    return (
      <Suspense fallback={<p role="status">{t('book:page.loading')}</p>}>
        <AssistedDone locale={locale} t={t} booked={booked} onNext={next} />
      </Suspense>
    );
  }

  return (
    <div className="book">
      {choice.loadError && (
        <p className="notice notice-error" role="alert">
          {choice.loadError}
        </p>
      )}
      {step === 'form' && (
        <DayChooser
          t={t}
          locale={locale}
          date={choice.date}
          onDate={choice.setDate}
          todays={choice.todays}
          loading={choice.todays === null && !choice.loadError}
          nextDate={choice.nextDate}
          sessionId={choice.sessionId}
          session={choice.session}
          onSession={choice.setSessionId}
          shiftId={choice.shiftId}
          onShift={choice.setShiftId}
        />
      )}
      {choice.shiftId === null ? null : shift === undefined ? (
        <p role="status">{t('book:page.loading')}</p>
      ) : shift === 'error' ? (
        <RetryNotice text={t('errors:network')} retryLabel={t('book:network.retry')} onRetry={() => void reload()} />
      ) : !shift || !session ? (
        // Anyone reads published sessions only: a draft's shift reads as none.
        <p className="notice notice-warning">{t('staffBook:shift.unpublished')}</p>
      ) : (
        <>
          <ShiftSummary
            locale={locale}
            t={t}
            when={t('book:shift.when', { date: formatDayLong(locale, session.session_date), start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) })}
            site={session.site}
            placesLeft={placesLeft ?? shift.capacity - shift.booked}
            demonstration={session.campaign?.demonstration ?? false}
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
              words={{ lead: t('staffBook:form.lead'), phoneHint: t('staffBook:form.phoneHint'), consentLabel: t('staffBook:form.consentLabel') }}
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
      )}
    </div>
  );
}
