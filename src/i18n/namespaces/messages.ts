// Keys of the `messages` namespace (src/i18n/locales/{vi,en}/messages.json): the words of the SMS,
// Zalo and e-mail messages to citizens (src/domain/message-texts.ts, run by the sender on Deno).
// The SMS texts lose their tone marks there and must leave room in 160 characters: keep the
// `smsTitle.*` and `sms.*` texts as short as they are.
import { z } from 'zod';
import { outboxEvents, type OutboxEvent } from '../../domain/outbox.ts';
import { text } from './text.ts';

/** One key per event: what happened. */
function perEvent<P extends string>(prefix: P, description: string) {
  return Object.fromEntries(outboxEvents.map((event) => [`${prefix}.${event}`, text(`${description} (${event})`)])) as {
    [E in OutboxEvent as `${P}.${E}`]: ReturnType<typeof text>;
  };
}

const monthNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export const messagesSchema = z.strictObject({
  ...perEvent('title', 'Subject of the e-mail and first line of every message: what happened'),
  ...perEvent('smsTitle', 'Start of the SMS: what happened, about 20 characters'),
  'code.queueNo': text('A booking code with the person’s queue number; {{code}} and {{queueNo}}'),
  'sms.when': text('SMS: the day and hours of the session; {{when}} is a short date and hours'),
  'sms.newWhen': text('SMS: the new day and hours of a moved session or visit; {{when}}'),
  'sms.stop': text('End of the SMS: the link to stop the messages; {{link}}'),
  'line.codes': text('Message line: the booking codes; {{codes}} is a list'),
  'line.when': text('Message line: the day and hours; {{when}} is a date with the year and hours'),
  'line.newWhen': text('Message line: the new day and hours; {{when}}'),
  'line.place': text('Message line: the place; {{place}} is its name and address'),
  'line.reason': text('Message line (and SMS part): why the session changed; {{reason}} is the officer’s words'),
  'line.link': text('Message line: the link to the booking or schedule; {{link}}'),
  'line.stop': text('Last line of the e-mail: the link to stop the messages; {{link}}'),
  'date.withYear': text('A date with its year; {{day}} and {{year}} are numbers, {{month}} a month.N text'),
  'date.withoutYear': text('A short date for the SMS; {{day}} is a number, {{month}} a month.N text'),
  ...(Object.fromEntries(monthNumbers.map((n) => [`month.${n}`, text(`Month ${n} as written in a date (vi: two digits, en: short name)`)])) as {
    [N in (typeof monthNumbers)[number] as `month.${N}`]: ReturnType<typeof text>;
  }),
});
