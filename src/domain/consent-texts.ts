// The consent texts as dated data (src/content/law/consent-texts.json): each version follows the law
// on personal data in force from a day to a day. The database holds the same ids and dates in
// private.consent_texts (05_bookings.sql; tests/db/consent.test.ts checks they agree) and refuses
// a text not in force on the day. The paragraphs themselves are in the `consent` namespace. Plain
// Node loads this module too (the booking benchmark), hence the JSON import attribute.
import { z } from 'zod';
import data from '../content/law/consent-texts.json' with { type: 'json' };
import type { Locale } from '../i18n/config.ts';
import type { ConsentVersions } from './consent.ts';
import { todayInVietnam } from './dates.ts';
import { inForce, isoDate, localized } from './in-force.ts';

export const consentTextSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,40}$/),
    valid_from: isoDate,
    valid_to: isoDate.nullable(),
    /** The law the text follows, as the form cites it. */
    source: localized,
  })
  .refine((text) => text.valid_to === null || text.valid_to >= text.valid_from, 'valid_to before valid_from');

/** In date order, one after the other: on any day at most one text is in force. */
export const consentTextsSchema = z
  .array(consentTextSchema)
  .min(1)
  .refine(
    (texts) => texts.every((text, i) => i === 0 || (texts[i - 1]!.valid_to !== null && texts[i - 1]!.valid_to! < text.valid_from)),
    'each text ends before the next one starts',
  );
export type ConsentText = z.output<typeof consentTextSchema>;

export const consentTexts: readonly ConsentText[] = consentTextsSchema.parse(data);

/** The text in force on `date` (at most one is), or undefined. */
export function consentTextInForce(date: string, texts: readonly ConsentText[] = consentTexts): ConsentText | undefined {
  return texts.find((text) => inForce(text, date));
}

/**
 * What a page built on `date` gives its form: the texts in force then or later (so a page built
 * before a new law takes over shows it from its first day), with their source in the page's
 * language. Their paragraphs: consentMessagesFor (src/i18n/island-messages.ts).
 */
export function consentVersionsFrom(locale: Locale, date: string = todayInVietnam(), texts: readonly ConsentText[] = consentTexts): ConsentVersions {
  const shipped = texts.filter((text) => inForce(text, date) || text.valid_from > date);
  const [first, ...rest] = shipped.map(({ id, valid_from, valid_to, source }) => ({ id, valid_from, valid_to, source: source[locale] }));
  // Without a text in force the form could not ask for consent: better a failed build than a form nobody can send.
  if (!first || first.id !== consentTextInForce(date, texts)?.id) throw new Error(`No consent text in src/content/law/consent-texts.json covers ${date}`);
  return [first, ...rest];
}
