// The steps of booking places in a shift, shared by the citizen's booking page and the officer's
// assisted booking: the people and contact (checked inline with the shared schema, kept for the
// browser tab so a reload or a move to another shift keeps them), "check your answers", then the
// answer of the booking call: the ticket, or the refusal shown at its field or under the answers.
// The places left shown are a full shift's refusal's, which is newer than the shift as read.
import { useEffect, useState } from 'react';
import { bookingRequestSchemaFor, type BookingRequest } from '../../domain/booking.ts';
import type { BookingView } from '../../domain/booking-view.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { refusalMessage, refusalPlacesLeft, type Refusal } from '../../domain/errors.ts';
import { messagesAgreement } from '../../domain/messages-agreement.ts';
import type { Locale } from '../../i18n/config.ts';
import type { RpcResult } from '../../lib/answers.ts';
import { noMessages } from '../shared/MessagesFields.tsx';
import { readSession } from '../shared/tab-storage.ts';
import { useForm } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';
import type { Draft } from './BookForm.tsx';
import type { Problem } from './CheckAnswers.tsx';
import { emptyPerson, personFieldId, refusalPersonFieldId } from './PersonFields.tsx';

export type Step = 'form' | 'check' | 'done';

// The schema checks a key's form; the real key is chosen when the booking is sent.
const placeholderKey = '0'.repeat(22);

const emptyDraft = (): Draft => ({ people: [{ ...emptyPerson }], phone: '', consent: '', ...noMessages });

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

/** `draftKey`: where the typed answers are kept for the tab; `locale`: the language messages go in. */
export function useBookingSteps(t: Translate, draftKey: string, locale: Locale) {
  // A draft kept before the form had a field gets that field empty.
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft(), ...readSession<Draft>(draftKey) }));
  const [step, setStep] = useState<Step>('form');
  const form = useForm(t);
  const [request, setRequest] = useState<BookingRequest>();
  const [problem, setProblem] = useState<Problem>();
  const [booked, setBooked] = useState<BookingView>();
  const [placesLeft, setPlacesLeft] = useState<number>();

  useEffect(() => {
    if (step !== 'done') sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, step, draftKey]);

  useEffect(() => {
    document.querySelector('h1')?.scrollIntoView();
  }, [step]);

  /** Checks the answers for the shift's session (its date and age rule), then shows them to check. */
  function toCheck(shiftId: number, session: { date: string; minAge?: number }) {
    const checked = form.check(bookingRequestSchemaFor(session), {
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

  /** Shows what the booking call answered: the ticket, or the refusal at its field or under the answers. */
  function answered(result: RpcResult<BookingView>, sent: BookingRequest) {
    if (result.ok) {
      sessionStorage.removeItem(draftKey);
      setBooked(result.data);
      setStep('done');
      return;
    }
    if ('network' in result) return setProblem('network');
    const refusal = result.refusal;
    const left = refusalPlacesLeft(refusal);
    if (left !== undefined) setPlacesLeft(left);
    const { key, values } = refusalMessage(refusal, sent.people.map((person) => person.full_name));
    if (form.showAt(refusalField(refusal), t(key, values))) setStep('form');
    else setProblem(refusal);
  }

  return { draft, setDraft, step, setStep, form, request, problem, setProblem, booked, placesLeft, toCheck, answered };
}
