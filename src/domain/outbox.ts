// What a row of public.outbox_messages holds (supabase/schemas/15_messages.sql): the writers in
// Postgres fill it, the sender (supabase/functions/send-messages) reads it and writes the text in
// the person's language. One schema for both, so a field one side writes is the field the other reads.
import { array, enum as picklist, int, literal, nullable, number, optional, positive, string, strictObject, type output } from 'zod/mini';
import { locales, type Locale } from '../i18n/config.ts';

export const outboxEvents = [
  'booking_confirmed',
  'booking_reminder',
  'session_cancelled',
  'session_moved',
  'session_unpublished',
  'home_visit_scheduled',
  'home_visit_rescheduled',
  'home_visit_closed',
  'signup_session_changed',
] as const;
export type OutboxEvent = (typeof outboxEvents)[number];

/** A booked person the message is about: their code and number in the queue. */
const bookedSchema = strictObject({ code: string(), queue_no: number().check(int(), positive()) });

/** The place, as the site's officers wrote it (Vietnamese data). */
const placeSchema = strictObject({ name: string(), address: string() });

export const outboxPayloadSchema = strictObject({
  /** The booking codes (one per person of a family booked under one phone), or a home visit's code. */
  codes: array(string()),
  /** Bookings only: each person's code and queue number. */
  booked: optional(array(bookedSchema)),
  place: optional(placeSchema),
  /** The day of the session or visit (YYYY-MM-DD, Vietnam time). */
  date: optional(string()),
  /** A shift's or visit window's hours (HH:MM, Vietnam time). */
  starts: optional(string()),
  ends: optional(string()),
  /** After a move: the new day and hours. */
  new_date: optional(string()),
  new_starts: optional(string()),
  new_ends: optional(string()),
  /** Why a session was called off, or how a home visit ended, as the officer wrote it. */
  reason: optional(nullable(string())),
  /** Home visits: the team's contact, as the officer wrote it. */
  contact: optional(string()),
  /** A closed home visit: done, or could not be done (`reason` says why). */
  outcome: optional(picklist(['done', 'could_not'] as const)),
  /** Where the person reads and acts on it: a path of the site in their language, with any fragment (no token). */
  link: string(),
});
export type OutboxPayload = output<typeof outboxPayloadSchema>;

/** A row of the outbox as the sender reads it. */
export const outboxMessageSchema = strictObject({
  id: number(),
  event: picklist(outboxEvents),
  lang: picklist(['vi', 'en'] as const),
  phone: string(),
  email: nullable(string()),
  payload: outboxPayloadSchema,
  stop_token: string(),
});
export type OutboxMessage = output<typeof outboxMessageSchema>;

/**
 * A form's agreement to messages, the `p_messages` argument of book_places, join_signup_link and
 * request_home_visit: null when the box is not ticked (the default); else the page's language and
 * an e-mail address to write to as well (the phone is the form's own). The database checks it
 * again (private.checked_messages).
 */
export const messagesAgreementSchema = nullable(strictObject({
  lang: picklist(locales),
  email: nullable(string()),
}));
export type MessagesAgreement = output<typeof messagesAgreementSchema>;

/** The stop page a message links to with its token (in the fragment, which never reaches a server log). */
export function stopMessagesPath(lang: Locale, stopToken: string): string {
  return `/${lang}/messages/stop/#t=${stopToken}`;
}

/** The stop token of the stop page's fragment (`#t=…`), or null when there is none of its shape. */
export function stopTokenFrom(fragment: string): string | null {
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get('t');
  return token !== null && /^[0-9a-f]{32}$/.test(token) ? token : null;
}

/** What stop_messages answers: the phone that will get no more messages, masked. */
export const stopMessagesAnswerSchema = strictObject({ ok: literal(true), phone_masked: string() });
