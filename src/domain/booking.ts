// The booking payload: one zod schema, shared by the islands (inline errors), the RPC wrappers
// (arguments) and the tests; the look-up and change payloads, built on its rules, are in
// booking-changes.ts, so the booking form loads without them. The rules repeat those of the database
// functions in supabase/schemas/07_booking_engine.sql, which stay the authority: the site only
// answers sooner. The search filters are in search-filters.ts.
//
// Every message is a key of the `booking` namespace, written `booking:<field>.<problem>`, so an
// island shows it with `t(issue.message, issue.params)`; keys with {{placeholders}} get their
// values from the issue's `params`. Each field reports one problem at a time, the first that
// applies, as the person fixes them in that order.
import {
  array,
  enum as picklist,
  minLength,
  nullish,
  object,
  pipe,
  regex,
  string,
  superRefine,
  transform,
  type input,
  type output,
} from 'zod/mini';
import type { Database } from '../lib/database.types.ts';
import { applicationKinds, type ApplicationKind } from './booking-kinds.ts';
import { bookingMessage as m, maxPeoplePerBooking, normalizedField as field, phoneField, shiftIdField, type BookingMessageKey } from './booking-field.ts';
import { consentField } from './consent.ts';
import { ageOn, isIsoDate, todayInVietnam } from './dates.ts';
import { checkIdNumber, type IdNumberProblem } from './id-number.ts';
import { randomTokenPattern } from './idempotency-key.ts';
import { messagesField } from './messages-field.ts';
import type { MessagesAgreement } from './outbox.ts';

export type { BookingMessageKey } from './booking-field.ts';

type Functions = Database['public']['Functions'];

// =====================================================================
// Shared rules
// =====================================================================

export { applicationKinds, type ApplicationKind };
// Shared with the look-up and change payloads, which take them from booking-field.ts.
export { maxPeoplePerBooking, phoneField, shiftIdField };

/** The age from which a citizen is issued a card (Law on Citizen Identification 2014, art. 19). */
export const defaultMinAge = 14;
const earliestBirthDate = '1900-01-01';

/** Whether someone born on `birthDate` is `minAge` or older on the session date. */
export function isOldEnough(birthDate: string, sessionDate: string, minAge: number = defaultMinAge): boolean {
  return ageOn(birthDate, sessionDate) >= minAge;
}

/** Length in characters as Postgres counts them (code points, not UTF-16 units). */
function length(value: string): number {
  return Array.from(value).length;
}

/**
 * A name as the database stores it: composed Unicode (NFC), so that a name typed with combining
 * tone marks (as some keyboards send them) is letters to Postgres's [[:alpha:]] and compares
 * equal to the same name typed precomposed; typographic apostrophes (which phones insert) as the
 * ASCII one the database accepts; runs of spaces as one, as private.checked_people does.
 */
export function normalizeName(value: string): string {
  return value.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim();
}

// The database's '^[[:alpha:]][[:alpha:] .''-]*$': a letter of any script first, then letters,
// spaces, dots, apostrophes and hyphens (Vietnamese tone marks, ethnic-minority names, "H'Hen Niê").
const namePattern = /^\p{L}[\p{L} .'-]*$/u;

/** The first problem of a normalised full name, or null. */
export function nameProblem(name: string): BookingMessageKey | null {
  if (name === '') return m('fullName.required');
  if (length(name) < 2) return m('fullName.tooShort');
  if (length(name) > 100) return m('fullName.tooLong');
  if (!namePattern.test(name)) return m('fullName.characters');
  return null;
}

/** The first problem of a date of birth, checked against today in Viet Nam. */
function birthDateProblem(value: string): BookingMessageKey | null {
  if (value === '') return m('birthDate.required');
  if (!isIsoDate(value)) return m('birthDate.invalid');
  if (value < earliestBirthDate) return m('birthDate.tooEarly');
  if (value > todayInVietnam()) return m('birthDate.future');
  return null;
}

const idNumberMessages: Record<IdNumberProblem, BookingMessageKey> = {
  format: m('idNumber.format'),
  province: m('idNumber.province'),
  birth_year: m('idNumber.birthYear'),
};

/**
 * Whether a value is an object with string properties `keys`. Checks across fields run even when
 * another field (an unchosen application kind) has failed, so that the person sees every problem
 * at once; this guard keeps them from reading a field that is not there.
 */
function hasStrings(value: unknown, keys: string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');
}

const isPeople = (value: unknown): boolean =>
  Array.isArray(value) && value.every((person) => hasStrings(person, ['full_name', 'birth_date']));

/** A key for comparing two people: the database's name_key (lower case) and the date of birth. */
function personKey(person: { full_name: string; birth_date: string }): string {
  return `${person.full_name.toLowerCase()}|${person.birth_date}`;
}

// =====================================================================
// Book places
// =====================================================================

/** A person's full name as typed, normalised (shared with the home-visit form). */
export const fullNameField = field(m('fullName.required'), normalizeName, nameProblem);
/** A date of birth as `YYYY-MM-DD`, checked against today (shared with the home-visit form). */
export const birthDateField = field(m('birthDate.required'), (value) => value.trim(), birthDateProblem);

/**
 * The problem of an ID number typed with a date of birth, or null. The century and year are
 * checked only against a usable date of birth: a wrong date gets its own message, and the number
 * is not blamed for it.
 */
export function idNumberProblem(idNumber: string, birthDate: string): BookingMessageKey | null {
  const check = checkIdNumber(idNumber, birthDateProblem(birthDate) === null ? birthDate : undefined);
  return check.ok ? null : idNumberMessages[check.reason];
}

/** An optional ID number: a first-time applicant may not know it. Spaces are dropped ("001 099 012345"). */
export const idNumberField = pipe(
  nullish(string()),
  transform((value: string | null | undefined) => (value ?? '').replace(/\s+/g, '') || null),
);

/** One person of a booking, as typed in the form. */
export const personSchema = object({
  full_name: fullNameField,
  birth_date: birthDateField,
  id_number: idNumberField,
  application_kind: picklist(applicationKinds, { error: m('applicationKind.required') }),
}).check(
  superRefine((person, ctx) => {
    if (typeof person.id_number !== 'string') return;
    const problem = idNumberProblem(person.id_number, person.birth_date);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['id_number'] });
  }, { when: ({ value }) => hasStrings(value, ['birth_date']) }),
);

export type PersonInput = input<typeof personSchema>;
export type Person = output<typeof personSchema>;

export const bookingRequestSchema = object({
  shift_id: shiftIdField(),
  people: array(personSchema).check(
    minLength(1, m('people.required')),
    superRefine((people, ctx) => {
      if (people.length > maxPeoplePerBooking) {
        ctx.addIssue({ code: 'custom', message: m('people.tooMany'), params: { max: maxPeoplePerBooking } });
      }
      // The same person twice would be refused as duplicate_person; the later entry is marked.
      const seenPeople = new Set<string>();
      const seenIds = new Set<string>();
      people.forEach((person, index) => {
        const key = personKey(person);
        if (seenPeople.has(key)) {
          ctx.addIssue({ code: 'custom', message: m('person.duplicate'), path: [index, 'full_name'] });
        } else if (person.id_number !== null && seenIds.has(person.id_number)) {
          ctx.addIssue({ code: 'custom', message: m('person.duplicateIdNumber'), path: [index, 'id_number'] });
        }
        seenPeople.add(key);
        if (person.id_number !== null) seenIds.add(person.id_number);
      });
    }, { when: ({ value }) => isPeople(value) }),
  ),
  phone: phoneField(),
  messages: messagesField,
  consent: consentField(m('consent.required')),
  idempotency_key: string({ error: m('form.reload') }).check(regex(randomTokenPattern, m('form.reload'))),
});

export type BookingRequest = output<typeof bookingRequestSchema>;

/**
 * The booking request checked against the session it is for: everyone must be `minAge` on the
 * session date (the campaign's min_age; private.checked_people refuses too_young otherwise).
 */
export function bookingRequestSchemaFor(session: { date: string; minAge?: number }) {
  const minAge = session.minAge ?? defaultMinAge;
  return bookingRequestSchema.check(
    superRefine((request, ctx) => {
      request.people.forEach((person, index) => {
        if (birthDateProblem(person.birth_date) === null && !isOldEnough(person.birth_date, session.date, minAge)) {
          ctx.addIssue({
            code: 'custom',
            message: m('birthDate.tooYoung'),
            path: ['people', index, 'birth_date'],
            params: { min_age: minAge },
          });
        }
      });
    }, { when: ({ value }) => typeof value === 'object' && value !== null && isPeople((value as { people?: unknown }).people) }),
  );
}

export interface BookPlacesArgs {
  p_shift_id: number;
  p_people: { full_name: string; birth_date: string; id_number: string | null; application_kind: ApplicationKind }[];
  p_phone: string;
  /** The id of the consent text agreed to. */
  p_consent: string;
  p_idempotency_key: string;
  /** The agreement to messages: null unless the box was ticked. */
  p_messages: MessagesAgreement;
}

/** The arguments of public.book_places (and of an officer's public.staff_book_places) for a checked request. */
export function toBookPlacesArgs(request: BookingRequest): BookPlacesArgs {
  const args = {
    p_shift_id: request.shift_id,
    p_people: request.people.map(({ full_name, birth_date, id_number, application_kind }) => ({
      full_name,
      birth_date,
      id_number,
      application_kind,
    })),
    p_phone: request.phone,
    p_consent: request.consent,
    p_idempotency_key: request.idempotency_key,
    p_messages: request.messages,
  };
  return args satisfies Functions['book_places']['Args'] & Functions['staff_book_places']['Args'];
}
